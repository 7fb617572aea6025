using System.Text.Json;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Notebooks;

/// <summary>
/// Runs notebooks/01-ingest.ipynb cell by cell with Roslyn scripting, as the headless runner does,
/// with small parameters, and checks what it produced. (The `pipeline run` runner replaces this harness.)
/// </summary>
public sealed class IngestNotebookTests
{
    [Fact]
    public async Task IngestNotebook_SmallBuiltInMarket_RunsEveryCellAndPublishesParquet()
    {
        using var dir = new TempDirectory();
        var notebookDir = Path.Combine(Fixtures.RepositoryRoot, "notebooks");
        var notebook = Path.Combine(notebookDir, "01-ingest.ipynb");
        var cells = CodeCells(notebook);
        var injected = $"""
            dataRoot = {Literal(dir.Path)};
            symbols = "EURUSD";
            from = "2024-03-07";
            to = "2024-03-09";
            tickRateScale = 0.05;
            """;
        var options = ScriptOptions.Default
            .WithImports("System", "System.IO", "System.Linq", "System.Collections.Generic", "System.Threading.Tasks")
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(notebookDir))
            .WithSourceResolver(new SourceFileResolver([], notebookDir))
            .WithLanguageVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest);

        ScriptState<object>? state = null;
        var html = new Dictionary<string, string>();
        foreach (var (id, source, tags) in cells)
        {
            state = state is null
                ? await CSharpScript.RunAsync(source, options, cancellationToken: TestContext.Current.CancellationToken)
                : await state.ContinueWithAsync(source, options, TestContext.Current.CancellationToken);
            Assert.Null(state.Exception);
            if (state.ReturnValue is { } value)
            {
                // As the runner formats a cell's value; _setup.csx registered the chart formatter.
                html[id] = Microsoft.DotNet.Interactive.Formatting.Formatter.ToDisplayString(value, "text/html");
            }
            if (tags.Contains("parameters"))
            {
                state = await state.ContinueWithAsync(injected, options, TestContext.Current.CancellationToken);
            }
        }

        var summary = (IngestSummary)state!.GetVariable("summary").Value;
        Assert.True(summary.Succeeded || summary.Download.Outcomes.All(o => o.State != TickKernelExtensions.Ingest.Download.BucketState.Failed));
        Assert.True(summary.Conversion!.Ticks > 0);
        Assert.Equal(48, summary.Download.Outcomes.Count);
        Assert.True(Directory.EnumerateFiles(Path.Combine(dir.Path, "parquet", "ticks"), "*.parquet", SearchOption.AllDirectories).Any());
        var ticks = (TickKernelExtensions.Market.TickColumns)state.GetVariable("ticks").Value;
        Assert.True(ticks.Count > 0);
        Assert.IsType<Plotly.NET.GenericChart>(state.GetVariable("chart").Value, exactMatch: false);
        var figures = Assert.IsType<TickKernelExtensions.Display.KeyFigures>(state.ReturnValue);
        Assert.Equal(summary.Conversion.Ticks, figures.Figures.Single(f => f.Key == "ticks in Parquet").Value);
        Assert.Contains("ticks in Parquet", html["figures"], StringComparison.Ordinal);
        Assert.Contains($"Ingest {summary.RawSource}", html["run"], StringComparison.Ordinal);
        Assert.Contains("Gaps", html["run"], StringComparison.Ordinal);
        Assert.Contains("<table", html["gaps"], StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot", html["chart"], StringComparison.Ordinal);
    }

    [Fact]
    public void IngestNotebook_IsPolyglotNotebookWithParametersCell()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot, "notebooks", "01-ingest.ipynb")));
        var root = json.RootElement;
        Assert.Equal(4, root.GetProperty("nbformat").GetInt32());
        Assert.Equal(5, root.GetProperty("nbformat_minor").GetInt32());
        Assert.Equal("C#", root.GetProperty("metadata").GetProperty("kernelspec").GetProperty("language").GetString());
        Assert.True(root.GetProperty("metadata").TryGetProperty("polyglot_notebook", out _));
        var ids = root.GetProperty("cells").EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Single(root.GetProperty("cells").EnumerateArray(),
            c => c.GetProperty("metadata").TryGetProperty("tags", out var t) && t.EnumerateArray().Any(x => x.GetString() == "parameters"));
    }

    private static List<(string Id, string Source, string[] Tags)> CodeCells(string path)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => (
                c.GetProperty("id").GetString()!,
                string.Concat(c.GetProperty("source").EnumerateArray().Select(l => l.GetString())),
                c.GetProperty("metadata").TryGetProperty("tags", out var tags) ? tags.EnumerateArray().Select(t => t.GetString()!).ToArray() : []))
            .ToList();
    }

    private static string Literal(string s) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(s, quote: true);
}

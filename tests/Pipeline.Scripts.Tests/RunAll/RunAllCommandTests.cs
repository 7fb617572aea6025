using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.RunAll;

/// <summary>
/// The chain of stage notebooks, as CI runs it: every notebook in notebooks/ on the small built-in market
/// (notebooks/ci.yaml); a notebook that fails fails this test, and with it the build.
/// </summary>
public sealed class RunAllCommandTests
{
    [Fact]
    public async Task RunAll_SmallBuiltInMarket_EveryNotebookCompletesWithReportAndKeyFigures()
    {
        using var dir = new TempDirectory();
        var root = RepositoryRoot();
        var output = dir.Combine("run");

        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Path.Combine(root, "notebooks"), "--out", output,
            "-f", Path.Combine(root, "notebooks", "ci.yaml"), "-p", "dataRoot", dir.Combine("data"), "--execution-timeout", "600");

        Assert.True(exit == 0, error);
        var summary = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "summary.json")))!;
        Assert.True((bool)summary["succeeded"]!);
        var notebooks = summary["notebooks"]!.AsArray();
        var stages = Directory.GetFiles(Path.Combine(root, "notebooks"), "*.ipynb")
            .Where(p => char.IsDigit(Path.GetFileName(p)[0]) && !p.EndsWith(".executed.ipynb", StringComparison.Ordinal));
        Assert.Equal(stages.Count(), notebooks.Count);
        foreach (var notebook in notebooks)
        {
            Assert.Equal("completed", (string?)notebook!["status"]);
            Assert.True(File.Exists(Path.Combine(output, (string)notebook["notebook"]!)));
            var report = File.ReadAllText(Path.Combine(output, (string)notebook["report"]!));
            Assert.DoesNotContain("src=\"http", report, StringComparison.Ordinal);
            Assert.NotEmpty(notebook["key_figures"]!.AsArray());
        }
        var ingest = notebooks.Single(n => (string?)n!["name"] == "01-ingest")!["key_figures"]![0]!["figures"]!;
        Assert.True((double)ingest["ticks in Parquet"]! > 0);
        Assert.Equal(0, (double)ingest["Parquet days failed"]!);
        var serve = notebooks.Single(n => (string?)n!["name"] == "06-serve")!["key_figures"]![0]!["figures"]!;
        Assert.True((double)serve["ticks posted"]! > 0);
        Assert.True((double)serve["signals served"]! > 0);
        Assert.Equal("gold-core-direction v1", (string?)serve["model"]);
        Assert.True(Directory.EnumerateFiles(Path.Combine(dir.Path, "data", "demo"), "06-serve-*.jsonl").Any());
        Assert.True(File.Exists(Path.Combine(output, "summary.md")));

        // The report opens offline in a real browser and the chart draws.
        var png = dir.Combine("01-ingest.png");
        var dom = await Serving.Host.Tests.Chromium.ScreenshotAsync(Path.Combine(output, "01-ingest.html"), png, height: 3000);
        Assert.Contains("main-svg", dom, StringComparison.Ordinal);
        Assert.True(Reports.Png.Read(png).CountColoured() > 2000, "the report's chart should be visible");
    }

    [Fact]
    public async Task RunAll_ParameterNoNotebookDeclares_UsageError()
    {
        using var dir = new TempDirectory();
        var root = RepositoryRoot();

        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Path.Combine(root, "notebooks"), "--out", dir.Path, "-p", "nosuch", "1");

        Assert.Equal(3, exit);
        Assert.Contains("nosuch", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAll_OnlyUnknownNotebook_UsageErrorListsTheChain()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Path.Combine(RepositoryRoot(), "notebooks"), "--out", dir.Path, "--only", "99");

        Assert.Equal(3, exit);
        Assert.Contains("01-ingest", error, StringComparison.Ordinal);
    }

    internal static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Notebooks.sln")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException("Notebooks.sln not found.");
    }
}

using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>The repository's own notebooks run headless through <c>pipeline run</c> and validate strictly.</summary>
public sealed class RepositoryNotebookTests
{
    [Fact]
    public async Task Run_IngestNotebookWithSmallParameters_CompletesAndValidates()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("01-ingest.executed.ipynb");
        var data = dir.Combine("data");

        var result = await NotebookCli.RunAsync("run", Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb"), output,
            "-p", "symbols", "EURUSD", "-p", "from", "2024-03-07", "-p", "to", "2024-03-09", "-p", "tickRateScale", "0.05", "-p", "dataRoot", data);

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(output);
        Assert.All(nb.Cells, c => Assert.Equal("completed", (string?)c!["metadata"]!["papermill"]!["status"]));
        Assert.Equal(nb.IndexOf("parameters") + 1, nb.IndexOf("injected-parameters"));
        var summary = Assert.Single(nb.Outputs("run"), o => (string?)o["output_type"] == "execute_result");
        Assert.Contains("succeeded · 48 buckets · 0 missing", OutputNotebook.Text(summary["data"]!["text/plain"]), StringComparison.Ordinal);
        Assert.Contains("<table", OutputNotebook.Text(summary["data"]!["text/html"]), StringComparison.Ordinal);
        Assert.Contains("EURUSD 2024-03-08:", nb.Stream("chart"), StringComparison.Ordinal);
        Assert.Single(nb.Outputs("chart"), o => (string?)o["output_type"] == "execute_result");
        var figures = Assert.Single(nb.Outputs("figures"))["data"]!["application/vnd.tick-workbench.key-figures+json"]!;
        Assert.Equal("01 · ingest", (string?)figures["title"]);
        Assert.Equal(46, (int)figures["figures"]!["hours with data"]!);
        Assert.Equal(0, (int)figures["figures"]!["hours missing"]!);
        Assert.Equal(0.05, (double)nb.Papermill["parameters"]!["tickRateScale"]!);
        Assert.True(Directory.EnumerateFiles(Path.Combine(data, "parquet"), "*.parquet", SearchOption.AllDirectories).Any());
        NbformatValidator.AssertValid(output);
    }

    [Fact]
    public async Task Run_AllOutputsScratchNotebook_EveryOutputKindAndValid()
    {
        using var dir = new TempDirectory();
        var output = dir.Combine("all-outputs.executed.ipynb");

        var result = await NotebookCli.RunAsync("run", Path.Combine(RepositoryRoot.Path, "notebooks", "tests", "all-outputs.ipynb"), output, "-p", "repeat", "3");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(output);
        Assert.Equal("hello 1\nhello 2\nhello 3\n", nb.Stream("streams"));
        Assert.Equal("a line on stderr\n", nb.Stream("streams", "stderr"));
        var displays = nb.Outputs("display");
        Assert.Equal(["display_data", "display_data"], displays.Select(o => (string)o["output_type"]!));
        Assert.Equal("<b>bold</b> and <i>italic</i>", OutputNotebook.Text(displays[0]["data"]!["text/html"]));
        Assert.Contains("<table>", OutputNotebook.Text(displays[1]["data"]!["text/html"]), StringComparison.Ordinal);
        var sum = Assert.Single(nb.Outputs("result"));
        Assert.Equal(("execute_result", "126"), ((string)sum["output_type"]!, OutputNotebook.Text(sum["data"]!["text/plain"])));
        Assert.Equal((int?)sum["execution_count"], nb.ExecutionCount("result"));
        Assert.StartsWith("<table>", OutputNotebook.Text(Assert.Single(nb.Outputs("html-result"))["data"]!["text/html"]), StringComparison.Ordinal);
        Assert.Contains(nb.Cells, c => (string?)c!["cell_type"] == "markdown");
        NbformatValidator.AssertValid(output);
    }

    [Fact]
    public void AllOutputsScratchNotebook_CommittedClean_PolyglotShapeOurIdsNoOutputs()
    {
        var path = Path.Combine(RepositoryRoot.Path, "notebooks", "tests", "all-outputs.ipynb");
        var root = JsonNode.Parse(File.ReadAllText(path))!.AsObject();

        Assert.Equal("csharp", (string?)root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        Assert.All(root["cells"]!.AsArray(), c =>
        {
            Assert.Matches("^[a-z0-9-]+$", (string)c!["id"]!);
            if ((string?)c["cell_type"] == "code")
            {
                Assert.Empty(c["outputs"]!.AsArray());
                Assert.Equal("csharp", (string?)c["metadata"]!["polyglot_notebook"]!["kernelName"]);
            }
        });
        NbformatValidator.AssertValid(path);
    }
}

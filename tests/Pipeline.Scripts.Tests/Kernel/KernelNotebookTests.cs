using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pipeline.Scripts.Kernel.Kernelspec;
using Pipeline.Scripts.Tests.Notebooks;

namespace Pipeline.Scripts.Tests.Kernel;

/// <summary>
/// The stage notebooks through our kernel, executed by nbclient (<c>jupyter execute</c>'s library) and by
/// the <c>jupyter-execute</c> command, give the same outputs as <c>pipeline run</c> on the same copy: the
/// same cells, output kinds, MIME types and texts (paths and timings aside).
/// </summary>
public sealed partial class KernelNotebookTests
{
    [Fact]
    public async Task Nbclient_AllOutputsNotebook_SameOutputsAsPipelineRun()
    {
        using var jupyter = JupyterPython.Require();
        var original = Path.Combine(RepositoryRoot.Path, "notebooks", "tests", "all-outputs.ipynb");
        var copy = Copy(original, jupyter.Home.Combine("all-outputs.ipynb"), parameters: null);

        var kernel = await ExecuteWithKernelAsync(jupyter, copy);
        var runner = await ExecuteWithRunnerAsync(copy, jupyter.Home.Combine("runner.ipynb"));

        AssertSameOutputs(runner, kernel, []);
        Assert.Equal("C#", (string?)kernel["metadata"]!["language_info"]!["name"]);

        // The command-line client too: it picks the kernel from the notebook's kernelspec and exits 0.
        var (exit, stdout, stderr) = await jupyter.RunAsync(TimeSpan.FromMinutes(5), jupyter.Home.Path, "/usr/bin/jupyter-execute", copy);
        Assert.True(exit == 0, $"jupyter-execute exited {exit}\n{stdout}\n{stderr}");
    }

    [Fact]
    public async Task Nbclient_StageNotebooksInOrderSmallParameters_SameOutputsAsPipelineRun()
    {
        using var jupyter = JupyterPython.Require();
        var original = Path.Combine(RepositoryRoot.Path, "notebooks", "01-ingest.ipynb");
        // Beside the original, so `#load "_setup.csx"` resolves as it does for users; removed afterwards.
        var kernelCopy = Path.Combine(RepositoryRoot.Path, "notebooks", $".kernel-test-{Guid.NewGuid():N}.ipynb");
        var runnerCopy = Path.Combine(RepositoryRoot.Path, "notebooks", $".runner-test-{Guid.NewGuid():N}.ipynb");
        var kernelData = jupyter.Home.Combine("kernel-data");
        var runnerData = jupyter.Home.Combine("runner-data");
        try
        {
            Copy(original, kernelCopy, SmallIngestParameters(kernelData));
            Copy(original, runnerCopy, SmallIngestParameters(runnerData));

            var kernel = await ExecuteWithKernelAsync(jupyter, kernelCopy);
            var runner = await ExecuteWithRunnerAsync(runnerCopy, jupyter.Home.Combine("runner.ipynb"));

            AssertSameOutputs(runner, kernel, [(kernelData, "<data>"), (runnerData, "<data>")]);
            var figures = Outputs(kernel, "figures").Single(o => (string?)o["output_type"] == "execute_result");
            Assert.NotNull(figures["data"]!["application/vnd.tick-workbench.key-figures+json"]);

            // The next stage reads what 01 left in each data root: replication, bronze.ticks, SQL, snapshots.
            var lakehouse = Path.Combine(RepositoryRoot.Path, "notebooks", "02-lakehouse.ipynb");
            Copy(lakehouse, kernelCopy, LakehouseParameters(kernelData));
            Copy(lakehouse, runnerCopy, LakehouseParameters(runnerData));

            var kernel2 = await ExecuteWithKernelAsync(jupyter, kernelCopy);
            var runner2 = await ExecuteWithRunnerAsync(runnerCopy, jupyter.Home.Combine("runner-02.ipynb"));

            AssertSameOutputs(runner2, kernel2, [(kernelData, "<data>"), (runnerData, "<data>")]);
            var lake = Outputs(kernel2, "figures").Single(o => (string?)o["output_type"] == "execute_result");
            Assert.Contains("rows in bronze.ticks", Text(lake["data"]!["text/plain"]), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kernelCopy);
            File.Delete(runnerCopy);
        }
    }

    [Fact]
    public void StageNotebooks_CommittedMetadata_OurKernelspecAndPolyglotKept()
    {
        var stages = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "notebooks"), "*.ipynb")
            .Where(p => char.IsDigit(Path.GetFileName(p)[0]) && !p.EndsWith(".executed.ipynb", StringComparison.Ordinal))
            .Select(p => Path.GetRelativePath(RepositoryRoot.Path, p))
            .ToList();
        Assert.Contains(Path.Combine("notebooks", "02-lakehouse.ipynb"), stages);
        foreach (var path in stages.Append("notebooks/tests/all-outputs.ipynb"))
        {
            var root = JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, path)))!;
            var spec = root["metadata"]!["kernelspec"]!;
            Assert.Equal((KernelspecWriter.DefaultName, KernelspecWriter.DisplayName, "C#"), ((string?)spec["name"], (string?)spec["display_name"], (string?)spec["language"]));
            Assert.Equal("C#", (string?)root["metadata"]!["language_info"]!["name"]);
            Assert.Equal("csharp", (string?)root["metadata"]!["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
            Assert.All(root["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code"), c =>
            {
                Assert.Equal("csharp", (string?)c!["metadata"]!["polyglot_notebook"]!["kernelName"]);
                Assert.Empty(c["outputs"]!.AsArray());
                Assert.Matches("^[a-z0-9-]+$", (string)c["id"]!);
            });
        }
    }

    private static async Task<JsonNode> ExecuteWithKernelAsync(JupyterPython jupyter, string notebook)
    {
        var output = notebook + ".kernel-out.ipynb";
        var script = Path.Combine(AppContext.BaseDirectory, "Kernel", "Conformance", "execute_notebook.py");
        try
        {
            var (exit, stdout, stderr) = await jupyter.RunAsync(TimeSpan.FromMinutes(10), null, script, notebook, output);
            Assert.True(exit == 0, $"nbclient failed on {notebook} (exit {exit})\n{stdout}\n{stderr}");
            NbformatValidator.AssertValid(output);
            return JsonNode.Parse(File.ReadAllText(output))!;
        }
        finally
        {
            File.Delete(output);
        }
    }

    private static async Task<JsonNode> ExecuteWithRunnerAsync(string notebook, string output)
    {
        var result = await NotebookCli.RunAsync("run", notebook, output);
        Assert.True(result.Exit == 0, result.ToString());
        var executed = JsonNode.Parse(File.ReadAllText(output))!;
        Assert.Equal(KernelspecWriter.DefaultName, (string?)executed["metadata"]!["kernelspec"]!["name"]);
        return executed;
    }

    private static string Copy(string original, string target, string? parameters)
    {
        var root = JsonNode.Parse(File.ReadAllText(original))!;
        if (parameters is not null)
        {
            var cell = root["cells"]!.AsArray().Single(c => c!["metadata"]!["tags"]?.AsArray().Any(t => (string?)t == "parameters") == true)!;
            cell["source"] = parameters;
        }
        File.WriteAllText(target, root.ToJsonString());
        return target;
    }

    private static string SmallIngestParameters(string dataRoot) => $"""
        var source = "builtin";
        var symbols = "EURUSD";
        var from = "2024-03-07";
        var to = "2024-03-09";
        var dataRoot = {System.Text.Json.JsonSerializer.Serialize(dataRoot)};
        var tickRateScale = 0.05;
        """;

    private static string LakehouseParameters(string dataRoot) => $"""
        var dataRoot = {System.Text.Json.JsonSerializer.Serialize(dataRoot)};
        var replicateTo = "";
        """;

    private static void AssertSameOutputs(JsonNode expected, JsonNode actual, IReadOnlyList<(string Text, string Placeholder)> replacements)
    {
        var codeCells = expected["cells"]!.AsArray().Where(c => (string?)c!["cell_type"] == "code" && c["id"] is not null).ToList();
        Assert.NotEmpty(codeCells);
        foreach (var cell in codeCells)
        {
            var id = (string)cell!["id"]!;
            var want = Describe(cell["outputs"]!.AsArray().Select(o => o!), replacements);
            var got = Describe(Outputs(actual, id), replacements);
            Assert.True(want.SequenceEqual(got), $"cell {id}: outputs differ\n--- pipeline run\n{string.Join("\n", want)}\n--- kernel (nbclient)\n{string.Join("\n", got)}");
        }
    }

    private static List<JsonNode> Outputs(JsonNode notebook, string id) =>
        notebook["cells"]!.AsArray().Single(c => (string?)c!["id"] == id)!["outputs"]!.AsArray().Select(o => o!).ToList();

    /// <summary>
    /// The outputs described one per line; consecutive texts of one stream are joined first, as front ends
    /// show them (the runner merges them when it writes; nbclient keeps one output per message).
    /// </summary>
    private static List<string> Describe(IEnumerable<JsonNode> outputs, IReadOnlyList<(string Text, string Placeholder)> replacements)
    {
        var merged = new List<JsonNode>();
        foreach (var output in outputs)
        {
            if ((string?)output["output_type"] == "stream" && merged.Count > 0 && merged[^1] is var last
                && (string?)last["output_type"] == "stream" && (string?)last["name"] == (string?)output["name"])
            {
                merged[^1] = new JsonObject { ["output_type"] = "stream", ["name"] = (string?)output["name"], ["text"] = Text(last["text"]) + Text(output["text"]) };
                continue;
            }
            merged.Add(output);
        }
        return merged.Select(o => Describe(o, replacements)).ToList();
    }

    /// <summary>An output's kind, stream name, MIME types and normalized texts.</summary>
    private static string Describe(JsonNode output, IReadOnlyList<(string Text, string Placeholder)> replacements)
    {
        var type = (string)output["output_type"]!;
        var parts = new List<string> { type };
        switch (type)
        {
            case "stream":
                parts.Add((string)output["name"]!);
                parts.Add(Normalize(Text(output["text"]), replacements));
                break;
            case "display_data" or "execute_result":
                var data = output["data"]!.AsObject();
                parts.Add(string.Join(",", data.Select(d => d.Key).Order(StringComparer.Ordinal)));
                parts.Add(Normalize(Text(data["text/plain"]), replacements));
                break;
            case "error":
                parts.Add((string)output["ename"]!);
                parts.Add(Normalize((string)output["evalue"]!, replacements));
                break;
        }
        return string.Join(" | ", parts);
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        null => "",
        _ => (string)node!,
    };

    private static string Normalize(string text, IReadOnlyList<(string Text, string Placeholder)> replacements)
    {
        foreach (var (from, to) in replacements)
        {
            text = text.Replace(from, to, StringComparison.Ordinal);
        }
        // Durations and rates vary run to run ("1.23 s", "456 ms", "12.3 MB/s"), and so does the local mirror's port.
        text = SnapshotIdOrClock().Replace(text, "<id or clock>");
        return LoopbackPort().Replace(Volatile().Replace(text, "<time>"), "127.0.0.1:<port>");
    }

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*(?:ms|s|µs|MB/s|KB/s|ticks/s)\b")]
    private static partial Regex Volatile();

    // Iceberg snapshot ids (random 63-bit) and the wall-clock time a snapshot was committed.
    [GeneratedRegex(@"\b\d{15,19}\b|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}")]
    private static partial Regex SnapshotIdOrClock();

    [GeneratedRegex(@"127\.0\.0\.1:\d+")]
    private static partial Regex LoopbackPort();
}

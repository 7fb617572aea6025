using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.RunAll;

/// <summary>
/// <c>run-all</c>'s chain logic on three small notebooks: order, a failure stopping the chain (or not, with
/// <c>--keep-going</c>), <c>--from</c> and <c>--only</c>, parameters passed only to notebooks that declare them.
/// </summary>
public sealed class RunAllChainTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public RunAllChainTests()
    {
        Directory.CreateDirectory(Notebooks);
        Write("01-first.ipynb", ("parameters", "var greeting = \"hello\";", true), ("say", "Console.WriteLine($\"{greeting} from 01\");", false));
        Write("02-second.ipynb", ("fail", "Console.WriteLine(\"02 ran\");\nif (Environment.GetEnvironmentVariable(\"NEVER_SET_BY_ANYONE\") is null) throw new InvalidOperationException(\"02 broke\");", false));
        Write("03-third.ipynb", ("say", "Console.WriteLine(\"03 ran\");", false));
        File.WriteAllText(Path.Combine(Notebooks, "notes.ipynb"), "not a stage notebook, and not even JSON");
    }

    private string Notebooks => _dir.Combine("notebooks");

    private string Out => _dir.Combine("run");

    [Fact]
    public async Task RunAll_SecondFails_StopsWithItsExitCodeThirdSkippedSummaryWritten()
    {
        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Notebooks, "--out", Out, "-p", "greeting", "hi");

        Assert.True(exit == 1, error);
        var summary = Summary();
        Assert.False((bool)summary["succeeded"]!);
        Assert.Equal([("01-first", "completed"), ("02-second", "failed"), ("03-third", "skipped")], Statuses(summary));
        Assert.Equal("hi from 01\n", Stream("01-first", "say"));
        Assert.Contains("02 broke", (string)summary["notebooks"]![1]!["error"]!, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out, "02-second.html")), "a failed notebook still gets its report");
        Assert.False(File.Exists(Path.Combine(Out, "03-third.ipynb")));
    }

    [Fact]
    public async Task RunAll_KeepGoing_RunsTheRestAndStillFails()
    {
        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Notebooks, "--out", Out, "--keep-going");

        Assert.True(exit == 1, error);
        Assert.Equal([("01-first", "completed"), ("02-second", "failed"), ("03-third", "completed")], Statuses(Summary()));
        Assert.Equal("hello from 01\n", Stream("01-first", "say"));
    }

    [Fact]
    public async Task RunAll_From_StartsThereAndSucceeds()
    {
        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Notebooks, "--out", Out, "--from", "03");

        Assert.True(exit == 0, error);
        Assert.Equal([("03-third", "completed")], Statuses(Summary()));
        Assert.Equal("03 ran\n", Stream("03-third", "say"));
    }

    [Fact]
    public async Task RunAll_Only_RunsExactlyThoseInChainOrder()
    {
        var (exit, error) = await CliRunner.RunAsync("run-all", "--notebooks", Notebooks, "--out", Out, "--only", "03-third,01");

        Assert.True(exit == 0, error);
        Assert.Equal([("01-first", "completed"), ("03-third", "completed")], Statuses(Summary()));
        Assert.True(File.Exists(Path.Combine(Out, "summary.md")));
    }

    public void Dispose() => _dir.Dispose();

    private JsonNode Summary() => JsonNode.Parse(File.ReadAllText(Path.Combine(Out, "summary.json")))!;

    private static List<(string, string)> Statuses(JsonNode summary) =>
        summary["notebooks"]!.AsArray().Select(n => ((string)n!["name"]!, (string)n["status"]!)).ToList();

    private string Stream(string notebook, string cellId)
    {
        var cell = JsonNode.Parse(File.ReadAllText(Path.Combine(Out, notebook + ".ipynb")))!["cells"]!.AsArray().Single(c => (string?)c!["id"] == cellId)!;
        return string.Concat(cell["outputs"]!.AsArray().Where(o => (string?)o!["output_type"] == "stream").SelectMany(o => o!["text"]!.AsArray()).Select(t => (string?)t));
    }

    private void Write(string name, params (string Id, string Source, bool Parameters)[] cells)
    {
        var notebook = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(c => (JsonNode)new JsonObject
            {
                ["cell_type"] = "code",
                ["execution_count"] = null,
                ["id"] = c.Id,
                ["metadata"] = c.Parameters ? new JsonObject { ["tags"] = new JsonArray("parameters") } : new JsonObject(),
                ["outputs"] = new JsonArray(),
                ["source"] = c.Source,
            }).ToArray()),
            ["metadata"] = new JsonObject { ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["display_name"] = ".NET (C#)", ["language"] = "C#" } },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        File.WriteAllText(Path.Combine(Notebooks, name), notebook.ToJsonString());
    }
}

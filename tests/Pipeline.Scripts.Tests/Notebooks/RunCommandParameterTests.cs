using System.Text;
using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary><c>pipeline run</c> parameters: -p, -y, -f, conversions, errors, --help-notebook and --prepare-only.</summary>
public sealed class RunCommandParameterTests
{
    private const string Expected = """
        count=7|Int32
        big=-9000000000|Int64
        ratio=0.001|Double
        price=0.1|Decimal
        scale=0.1|Single
        enabled=True|Boolean
        symbol=US 500|String
        side=x|Char
        start=2024-03-07T08:30:00.0000000Z|DateTime
        start.Kind=Utc
        day=2024-03-07|DateOnly
        window=1.02:03:04.5000000|TimeSpan
        sizes=[3;4]|Int32[]
        weights=[1;2.25]|Double[]
        names=[a b;c]|String[]
        stamps=[2024-01-01T00:00:00.0000000;2024-01-02T12:00:00.0000000Z]|DateTime[]

        """;

    [Fact]
    public async Task Run_ParametersOfEveryTypeFromP_CellSeesTypedValues()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("parameters.ipynb"),
            "-p", "count", "7", "-p", "big", "-9000000000", "-p", "ratio", "1e-3", "-p", "price", "0.1", "-p", "scale", "0.1",
            "-p", "enabled", "TRUE", "-p", "symbol", "US 500", "-p", "side", "x", "-p", "start", "2024-03-07T10:30:00+02:00",
            "-p", "day", "2024-03-07", "-p", "window", "1.02:03:04.5", "-p", "sizes", "[3, 4]", "-p", "weights", "1,2.25",
            "-p", "names", "a b, c", "-p", "stamps", "2024-01-01,2024-01-02T12:00:00Z");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("parameters.ipynb"));
        Assert.Equal(Expected.ReplaceLineEndings("\n"), nb.Stream("report"));
        AssertInjectedAfterParameters(nb);
        var recorded = nb.Papermill["parameters"]!.AsObject();
        Assert.Equal(7, (int)recorded["count"]!);
        Assert.Equal(-9000000000L, (long)recorded["big"]!);
        Assert.Equal("US 500", (string)recorded["symbol"]!);
        Assert.Equal("2024-03-07T08:30:00.0000000Z", (string)recorded["start"]!);
        Assert.Equal(["a b", "c"], recorded["names"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("3", (string)nb.Papermill["default_parameters"]!["count"]!);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_ParametersFromYamlFileTextAndP_MergedInPapermillOrder()
    {
        using var notebooks = new TestNotebooks();
        var file = notebooks.Path("params.yaml");
        await File.WriteAllTextAsync(file, """
            count: 1
            big: -9000000000
            ratio: 1e-3
            price: 0.1
            scale: 0.1
            enabled: true
            symbol: from file
            side: x
            start: 2024-03-07T10:30:00+02:00
            day: 2024-03-07
            window: "1.02:03:04.5"
            sizes: [3, 4]
            weights:
              - 1
              - 2.25
            names: ["a b", c]
            stamps: [2024-01-01, "2024-01-02T12:00:00Z"]
            """, TestContext.Current.CancellationToken);

        var result = await NotebookCli.RunAsync("run", notebooks.Path("parameters.ipynb"),
            "-f", file, "-y", "count: 2\nsymbol: US 500", "-p", "count", "7");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("parameters.ipynb"));
        // -f gave count 1, -y 2 and -p 7: -p wins; -y's symbol beats the file's.
        Assert.Equal(Expected.ReplaceLineEndings("\n"), nb.Stream("report"));
        AssertInjectedAfterParameters(nb);
        NbformatValidator.AssertValid(nb.Path);
    }

    public static TheoryData<string> AwkwardStrings => new()
    {
        "quotes \" and 'single' and backslashes \\ \\\\ \\n (not a newline)",
        "lines\nsecond\r\nthird\ttab",
        "unicode: é ü 日本 😀 \u2028 line separator \u0085 next line",
        "control: \u0001 \u001b[31m nul \0 end",
        "",
    };

    [Theory]
    [MemberData(nameof(AwkwardStrings))]
    public async Task Run_StringWithQuotesBackslashesNewlinesUnicodeFromP_RoundTripsExactly(string text)
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("text-parameter.ipynb"), "-p", "text", text);

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("text-parameter.ipynb"));
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(nb.Stream("echo").Trim())));
        Assert.Equal(text, (string)nb.Papermill["parameters"]!["text"]!);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_StringWithEscapesFromYaml_RoundTripsExactly()
    {
        using var notebooks = new TestNotebooks();
        const string text = "a \"quoted\" \\ back\nslash é 😀 \u2028";

        var result = await NotebookCli.RunAsync("run", notebooks.Path("text-parameter.ipynb"),
            "-y", "text: \"a \\\"quoted\\\" \\\\ back\\nslash é 😀 \\u2028\"");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("text-parameter.ipynb"));
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(nb.Stream("echo").Trim())));
    }

    [Fact]
    public async Task Run_UnknownParameter_ExitsThreeListingKnownNamesAndWritesNothing()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("parameters.ipynb"), "-p", "cuont", "7", "-y", "symbl: x");

        Assert.Equal(3, result.Exit);
        Assert.Contains("unknown parameter 'cuont'", result.Error, StringComparison.Ordinal);
        Assert.Contains("unknown parameter 'symbl'", result.Error, StringComparison.Ordinal);
        Assert.Contains("declares: count, big, ratio, price, scale, enabled, symbol, side, start, day, window, sizes, weights, names, stamps", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(notebooks.Executed("parameters.ipynb")));
    }

    [Theory]
    [InlineData("count", "seven", "expects int")]
    [InlineData("big", "1.5", "expects long")]
    [InlineData("enabled", "yes", "expects bool")]
    [InlineData("side", "xy", "expects char")]
    [InlineData("day", "tomorrow", "expects DateOnly")]
    [InlineData("window", "15", "a bare number is ambiguous")]
    [InlineData("sizes", "1,two", "expects int[]")]
    public async Task Run_ValueThatDoesNotConvert_ExitsThreeNamingParameterTypeAndValue(string name, string value, string expected)
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("parameters.ipynb"), "-p", name, value);

        Assert.Equal(3, result.Exit);
        Assert.Contains($"parameter '{name}'", result.Error, StringComparison.Ordinal);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains($"\"{value}\"", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(notebooks.Executed("parameters.ipynb")));
    }

    [Fact]
    public async Task Run_NoParametersCellWithoutParameters_RunsWithoutInjectedCell()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("no-parameters.ipynb"));

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Executed("no-parameters.ipynb"));
        Assert.Equal(["intro", "only"], nb.Ids());
        Assert.Equal("hello\n", nb.Stream("only"));
        Assert.Empty(nb.Papermill["parameters"]!.AsObject());
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_NoParametersCellWithParameters_ExitsThreeSayingSo()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", notebooks.Path("no-parameters.ipynb"), "-p", "days", "3");

        Assert.Equal(3, result.Exit);
        Assert.Contains("has no cell tagged 'parameters'", result.Error, StringComparison.Ordinal);
        Assert.Contains("days from -p", result.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(notebooks.Executed("no-parameters.ipynb")));
    }

    [Fact]
    public async Task Run_HelpNotebook_ListsNameTypeDefaultAndHelp()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", "--help-notebook", notebooks.Path("parameters.ipynb"));

        Assert.Equal(0, result.Exit);
        var lines = result.Output.Split('\n');
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["count", "int", "3", "int"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["price", "decimal", "1.25m", "decimal"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["window", "TimeSpan", "TimeSpan.FromMinutes(5)"]);
        Assert.Contains(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["names", "string[]", "[\"a\",", "\"b\"]"]);
        Assert.Contains(lines, l => l.StartsWith("  start  ", StringComparison.Ordinal) && l.Contains("DateTime", StringComparison.Ordinal));
        Assert.False(File.Exists(notebooks.Executed("parameters.ipynb")));
    }

    [Fact]
    public async Task Run_HelpNotebookWithoutParametersCell_SaysItTakesNone()
    {
        using var notebooks = new TestNotebooks();

        var result = await NotebookCli.RunAsync("run", "--help-notebook", notebooks.Path("no-parameters.ipynb"));

        Assert.Equal(0, result.Exit);
        Assert.Contains("has no cell tagged 'parameters': it takes no parameters", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_PrepareOnly_InjectsWithoutExecuting()
    {
        using var notebooks = new TestNotebooks();
        var output = notebooks.Path("prepared.ipynb");

        var result = await NotebookCli.RunAsync("run", notebooks.Path("parameters.ipynb"), output, "--prepare-only", "-p", "count", "9", "-p", "symbol", "a\"b");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(output);
        var injected = AssertInjectedAfterParameters(nb);
        Assert.Equal("// Parameters\nint count = 9;\nstring symbol = \"a\\\"b\";", OutputNotebook.Text(injected["source"]));
        Assert.All(nb.Cells.Where(c => (string?)c!["cell_type"] == "code"), c => Assert.Null((int?)c!["execution_count"]));
        Assert.Empty(nb.Outputs("report"));
        Assert.Null(nb.Papermill["start_time"]);
        Assert.Equal(notebooks.Path("parameters.ipynb"), (string)nb.Papermill["input_path"]!);
        NbformatValidator.AssertValid(nb.Path);
    }

    [Fact]
    public async Task Run_OutputOfEarlierRun_ReplacesItsInjectedCell()
    {
        using var notebooks = new TestNotebooks();
        var first = notebooks.Path("first.ipynb");
        await NotebookCli.RunAsync("run", notebooks.Path("text-parameter.ipynb"), first, "--prepare-only", "-p", "text", "one");

        var result = await NotebookCli.RunAsync("run", first, notebooks.Path("second.ipynb"), "-p", "text", "two");

        Assert.True(result.Exit == 0, result.ToString());
        var nb = OutputNotebook.Read(notebooks.Path("second.ipynb"));
        Assert.Single(nb.Cells, c => c!["metadata"]!["tags"] is JsonArray tags && tags.Any(t => (string?)t == "injected-parameters"));
        Assert.Equal("two", Encoding.UTF8.GetString(Convert.FromBase64String(nb.Stream("echo").Trim())));
    }

    private static JsonObject AssertInjectedAfterParameters(OutputNotebook nb)
    {
        var parameters = nb.IndexOf("parameters");
        var injected = nb.Cells[parameters + 1]!.AsObject();
        Assert.Equal(["injected-parameters"], nb.Tags((string)injected["id"]!));
        Assert.Equal("code", (string?)injected["cell_type"]);
        Assert.Equal("csharp", (string?)injected["metadata"]!["polyglot_notebook"]!["kernelName"]);
        return injected;
    }
}

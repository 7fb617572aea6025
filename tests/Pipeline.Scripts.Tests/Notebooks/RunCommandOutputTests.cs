using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.Notebooks;

/// <summary>Outputs of TestData/outputs.ipynb: streams, display_data, execute_result, #!csharp, #load, metadata.</summary>
public sealed class RunCommandOutputTests(OutputsRunFixture run) : IClassFixture<OutputsRunFixture>
{
    private OutputNotebook Nb => run.Notebook;

    [Fact]
    public void Run_OutputsNotebook_ExitsZeroAndValidatesStrictly()
    {
        Assert.True(run.Result.Exit == 0, run.Result.ToString());
        Assert.All(Nb.Cells, c => Assert.Equal("completed", (string?)c!["metadata"]!["papermill"]!["status"]));
        Assert.False((bool)Nb.Papermill["exception"]!);
        NbformatValidator.AssertValid(Nb.Path);
    }

    [Fact]
    public void Run_StdoutAndStderr_OneStreamOutputPerStreamInOrder()
    {
        var outputs = Nb.Outputs("streams");

        Assert.Equal(["stdout", "stderr", "stdout"], outputs.Select(o => (string)o["name"]!));
        Assert.All(outputs, o => Assert.Equal("stream", (string?)o["output_type"]));
        Assert.Equal(["out 1\n"], outputs[0]["text"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["err 1\n"], outputs[1]["text"]!.AsArray().Select(l => (string)l!));
        Assert.Equal(["out 2\n"], outputs[2]["text"]!.AsArray().Select(l => (string)l!));
    }

    [Fact]
    public void Run_LogOutput_EchoesCellOutputLive()
    {
        Assert.Contains("out 1\nout 2\n", run.Result.Output, StringComparison.Ordinal);
        Assert.Contains("err 1\n", run.Result.Error, StringComparison.Ordinal);
        Assert.Contains("Out[3]: <i>result</i>", run.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DisplayOfHtmlString_DisplayDataWithHtmlAndPlainText()
    {
        var outputs = Nb.Outputs("display");

        Assert.Equal(["display_data", "display_data", "execute_result"], outputs.Select(o => (string)o["output_type"]!));
        Assert.Equal("<b>bold</b>", OutputNotebook.Text(outputs[0]["data"]!["text/html"]));
        Assert.Equal("<b>bold</b>", OutputNotebook.Text(outputs[0]["data"]!["text/plain"]));
        Assert.Empty(outputs[0]["metadata"]!.AsObject());
        // A plain string has no HTML formatter of its own: plain text only.
        Assert.Equal(["text/plain"], outputs[1]["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("plain text", OutputNotebook.Text(outputs[1]["data"]!["text/plain"]));
    }

    [Fact]
    public void Run_TrailingHtmlString_ExecuteResultWithHtmlAndExecutionCount()
    {
        var result = Nb.Outputs("display")[2];

        Assert.Equal("<i>result</i>", OutputNotebook.Text(result["data"]!["text/html"]));
        Assert.Equal("<i>result</i>", OutputNotebook.Text(result["data"]!["text/plain"]));
        Assert.Equal(Nb.ExecutionCount("display"), (int?)result["execution_count"]);
        Assert.Equal(3, Nb.ExecutionCount("display"));
    }

    [Fact]
    public void Run_TrailingExpressions_NumberPlainNullValueVoidNothingAwaitedObjectHtml()
    {
        var value = Assert.Single(Nb.Outputs("value"));
        Assert.Equal("execute_result", (string?)value["output_type"]);
        Assert.Equal(["text/plain"], value["data"]!.AsObject().Select(p => p.Key));
        Assert.Equal("42", OutputNotebook.Text(value["data"]!["text/plain"]));

        var nullValue = Assert.Single(Nb.Outputs("null"));
        Assert.Equal("execute_result", (string?)nullValue["output_type"]);
        Assert.Equal("<null>", OutputNotebook.Text(nullValue["data"]!["text/plain"]));

        Assert.Equal("no value", OutputNotebook.Text(Assert.Single(Nb.Outputs("void"))["text"]));

        var awaited = Assert.Single(Nb.Outputs("task"));
        Assert.Contains("<table>", OutputNotebook.Text(awaited["data"]!["text/html"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CSharpMagicAndLoadRelativeToNotebook_Accepted()
    {
        Assert.Empty(Nb.Outputs("setup"));
        Assert.Equal("completed", Nb.Status("setup"));
        Assert.Equal(1, Nb.ExecutionCount("setup"));
    }

    [Fact]
    public void Run_Metadata_PolyglotKeysKeptAndPapermillRecorded()
    {
        Assert.Equal(".net-csharp", (string?)Nb.Metadata["kernelspec"]!["name"]);
        Assert.Equal("C#", (string?)Nb.Metadata["language_info"]!["name"]);
        Assert.Equal("csharp", (string?)Nb.Metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]);
        var cell = Nb.Cell("streams")["metadata"]!;
        Assert.Equal("csharp", (string?)cell["dotnet_interactive"]!["language"]);
        Assert.Equal("csharp", (string?)cell["polyglot_notebook"]!["kernelName"]);
        Assert.Equal("polyglot-notebook", (string?)cell["vscode"]!["languageId"]);
        Assert.Equal(["dotnet_interactive", "polyglot_notebook", "vscode", "papermill"], cell.AsObject().Select(p => p.Key));
        var papermill = cell["papermill"]!;
        Assert.True((double)papermill["duration"]! >= 0);
        Assert.False((bool)papermill["exception"]!);
        Assert.EndsWith("+00:00", (string)papermill["start_time"]!, StringComparison.Ordinal);
        Assert.Equal(run.InputPath, (string?)Nb.Papermill["input_path"]);
        Assert.Null(Nb.Papermill["default_parameters"]);
    }

    [Fact]
    public void Run_File_WrittenLikeJupyterBesideInputWhichIsUnchanged()
    {
        var text = File.ReadAllText(Nb.Path);

        Assert.StartsWith("{\n \"cells\": [\n  {\n   \"cell_type\": \"markdown\",", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', text);
        Assert.EndsWith("}\n", text, StringComparison.Ordinal);
        Assert.Equal(run.InputTextBefore, File.ReadAllText(run.InputPath));
        Assert.Equal(4, (int)JsonNode.Parse(text)!["nbformat"]!);
    }
}

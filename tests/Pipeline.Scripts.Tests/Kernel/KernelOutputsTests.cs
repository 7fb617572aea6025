using Pipeline.Scripts.Kernel;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Tests.Kernel;

public sealed class KernelOutputsTests
{
    [Fact]
    public void ToMessage_ExecuteResultWithJsonMime_JsonEmbeddedTextKeptAndKernelCount()
    {
        var bundle = new MimeBundle([new("text/plain", "figures"), new("application/vnd.tick-workbench.key-figures+json", """{"ticks":9783}"""), new("text/html", "<table/>")]);

        var (type, content) = KernelOutputs.ToMessage(new ExecuteResultOutput(bundle, 1), executionCount: 7);

        Assert.Equal("execute_result", type);
        Assert.Equal(7, (int)content["execution_count"]!);
        Assert.Equal(9783, (int)content["data"]!["application/vnd.tick-workbench.key-figures+json"]!["ticks"]!);
        Assert.Equal(("figures", "<table/>"), ((string)content["data"]!["text/plain"]!, (string)content["data"]!["text/html"]!));
    }

    [Fact]
    public void ToMessage_DisplayAndUpdate_TransientDisplayId()
    {
        var first = KernelOutputs.ToMessage(new DisplayDataOutput(MimeBundle.FromPlainText("a"), "d1"), 1);
        var update = KernelOutputs.ToMessage(new DisplayDataOutput(MimeBundle.FromPlainText("b"), "d1", IsUpdate: true), 1);
        var plain = KernelOutputs.ToMessage(new DisplayDataOutput(MimeBundle.FromPlainText("c")), 1);

        Assert.Equal(("display_data", "d1"), (first.MsgType, (string)first.Content["transient"]!["display_id"]!));
        Assert.Equal(("update_display_data", "d1"), (update.MsgType, (string)update.Content["transient"]!["display_id"]!));
        Assert.Null(plain.Content["transient"]);
    }

    [Fact]
    public void ToMessage_StreamAndError_JupyterShapes()
    {
        var stream = KernelOutputs.ToMessage(new StreamOutput("stderr", "x\n"), 1);
        var error = KernelOutputs.ToMessage(new ErrorOutput("System.Exception", "boom", ["line 1", "line 2"]), 1);

        Assert.Equal(("stream", "stderr", "x\n"), (stream.MsgType, (string)stream.Content["name"]!, (string)stream.Content["text"]!));
        Assert.Equal(("error", "System.Exception", "boom", 2), (error.MsgType, (string)error.Content["ename"]!, (string)error.Content["evalue"]!, error.Content["traceback"]!.AsArray().Count));
    }
}

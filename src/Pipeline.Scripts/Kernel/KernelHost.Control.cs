using System.Text.Json.Nodes;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Kernel;

internal sealed partial class KernelHost
{
    private async Task ServeControlAsync()
    {
        await foreach (var request in _control.Reader.ReadAllAsync())
        {
            Status(request, "busy");
            switch (request.MsgType)
            {
                case "kernel_info_request":
                    Reply(KernelChannel.Control, request, "kernel_info_reply", KernelInfo());
                    break;
                case "interrupt_request":
                    await _executor.InterruptAsync();
                    Reply(KernelChannel.Control, request, "interrupt_reply", new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    Shutdown(KernelChannel.Control, request);
                    break;
                default:
                    _log.WriteLine($"kernel: no handler for {request.MsgType} on control; sent no reply");
                    break;
            }
            Status(request, "idle");
        }
    }

    private void Shutdown(KernelChannel channel, JupyterMessage request)
    {
        var restart = (bool?)request.Content["restart"] ?? false;
        var content = new JsonObject { ["status"] = "ok", ["restart"] = restart };
        Reply(channel, request, "shutdown_reply", content);
        Publish(request, "shutdown_reply", content.DeepClone().AsObject());
        // The client restarts by starting a new process; this one only has to go.
        _shutdown.TrySetResult();
    }

    private static JsonObject KernelInfo() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = HeaderFactory.ProtocolVersion,
        ["implementation"] = Kernelspec.KernelspecWriter.DefaultName,
        ["implementation_version"] = typeof(KernelHost).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
        ["language_info"] = new JsonObject
        {
            ["name"] = "C#",
            ["version"] = "14.0",
            ["mimetype"] = "text/x-csharp",
            ["file_extension"] = ".cs",
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = "C# (tick workbench): Roslyn scripting with the same engine and formatters as `pipeline run`",
        ["help_links"] = new JsonArray(),
    };
}

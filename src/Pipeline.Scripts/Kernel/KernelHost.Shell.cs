using System.Text.Json.Nodes;
using Pipeline.Scripts.Kernel.Introspection;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Kernel;

internal sealed partial class KernelHost
{
    private async Task ServeShellAsync()
    {
        await foreach (var request in _shell.Reader.ReadAllAsync())
        {
            if (request.MsgType == "execute_request")
            {
                // The executor wraps it in busy/idle when its turn comes.
                _executions.Writer.TryWrite(request);
                continue;
            }
            Status(request, "busy");
            try
            {
                HandleShell(request);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A query that trips Roslyn must not take the kernel down: answer with the error.
                _log.WriteLine($"kernel: {request.MsgType} failed: {e}");
                Reply(KernelChannel.Shell, request, request.MsgType.Replace("_request", "_reply", StringComparison.Ordinal),
                    new JsonObject { ["status"] = "error", ["ename"] = e.GetType().Name, ["evalue"] = e.Message, ["traceback"] = new JsonArray() });
            }
            Status(request, "idle");
        }
    }

    private void HandleShell(JupyterMessage request)
    {
        var content = request.Content;
        switch (request.MsgType)
        {
            case "kernel_info_request":
                Reply(KernelChannel.Shell, request, "kernel_info_reply", KernelInfo());
                break;
            case "is_complete_request":
                var status = CodeIntelligence.IsComplete((string?)content["code"] ?? "");
                var reply = new JsonObject { ["status"] = status };
                if (status == "incomplete")
                {
                    reply["indent"] = "    ";
                }
                Reply(KernelChannel.Shell, request, "is_complete_reply", reply);
                break;
            case "complete_request":
                var code = (string?)content["code"] ?? "";
                var cursor = (int?)content["cursor_pos"] ?? code.Length;
                var (matches, start, end) = _intelligence.Complete(code, cursor);
                Reply(KernelChannel.Shell, request, "complete_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["matches"] = new JsonArray(matches.Select(m => (JsonNode?)m).ToArray()),
                    ["cursor_start"] = start,
                    ["cursor_end"] = end,
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "inspect_request":
                var text = _intelligence.Inspect((string?)content["code"] ?? "", (int?)content["cursor_pos"] ?? 0);
                Reply(KernelChannel.Shell, request, "inspect_reply", new JsonObject
                {
                    ["status"] = "ok",
                    ["found"] = text is not null,
                    ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
                    ["metadata"] = new JsonObject(),
                });
                break;
            case "history_request":
                Reply(KernelChannel.Shell, request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                break;
            case "comm_info_request":
                Reply(KernelChannel.Shell, request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                break;
            case "comm_open":
                // No comm targets: close it at once, as ipykernel does for an unknown target.
                _log.WriteLine($"kernel: no comm target '{(string?)content["target_name"]}'; closing comm {(string?)content["comm_id"]}");
                Publish(request, "comm_close", new JsonObject { ["comm_id"] = (string?)content["comm_id"], ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            case "shutdown_request":
                // Deprecated on shell since 5.4, still accepted.
                Shutdown(KernelChannel.Shell, request);
                break;
            default:
                _log.WriteLine($"kernel: no handler for {request.MsgType} on shell; sent no reply");
                break;
        }
    }
}

using System.Text.Json.Nodes;
using Pipeline.Scripts.Kernel.Wire;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Kernel;

internal sealed partial class KernelHost
{
    private readonly Dictionary<int, (JupyterMessage Request, int Count, bool Silent)> _cells = [];

    private async Task ExecuteAsync()
    {
        await foreach (var request in _executions.Reader.ReadAllAsync())
        {
            Status(request, "busy");
            bool failed;
            try
            {
                failed = await ExecuteOneAsync(request);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A fault of the kernel's own (not of the cell): report it on this request and keep serving.
                _log.WriteLine($"kernel: execute_request failed inside the kernel: {e}");
                var error = KernelOutputs.Error(new ErrorOutput("KernelError", $"the kernel failed while running the cell: {e.GetType().Name}: {e.Message}", [e.ToString()]));
                Publish(request, "error", error.DeepClone().AsObject());
                error["status"] = "error";
                error["execution_count"] = _executionCount;
                Reply(KernelChannel.Shell, request, "execute_reply", error);
                failed = true;
            }
            if (failed && ((bool?)request.Content["stop_on_error"] ?? true) && !IsSilent(request))
            {
                // ipykernel's rule: requests already queued behind a failed cell are aborted, not run.
                while (_executions.Reader.TryRead(out var queued))
                {
                    Status(queued, "busy");
                    Reply(KernelChannel.Shell, queued, "execute_reply", new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
                    Status(queued, "idle");
                }
            }
            Status(request, "idle");
        }
    }

    private static bool IsSilent(JupyterMessage request) => (bool?)request.Content["silent"] ?? false;

    private async Task<bool> ExecuteOneAsync(JupyterMessage request)
    {
        var code = (string?)request.Content["code"] ?? "";
        var silent = IsSilent(request);
        if (!silent)
        {
            _executionCount++;
            Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = _executionCount });
        }
        var count = _executionCount;
        // Cell ids for the worker: unique per request, so late output of an earlier cell finds its own parent.
        int cell;
        lock (_cells)
        {
            cell = _cells.Count;
            _cells[cell] = (request, count, silent);
        }
        var result = await _executor.ExecuteAsync(cell, code, Forward);
        if (result.StateLost)
        {
            _intelligence.Reset();
        }
        if (result.Status == CellStatus.Completed)
        {
            // Off the reply's path: the first parse loads Roslyn into the kernel process.
            _ = Task.Run(() => _intelligence.Record(code));
            Reply(KernelChannel.Shell, request, "execute_reply", new JsonObject
            {
                ["status"] = "ok",
                ["execution_count"] = count,
                ["user_expressions"] = new JsonObject(),
                ["payload"] = new JsonArray(),
            });
            return false;
        }
        var error = result.Error ?? new ErrorOutput("Error", "the cell failed without an error message", []);
        if (!result.ErrorPublished)
        {
            Publish(request, "error", KernelOutputs.Error(error));
        }
        var reply = KernelOutputs.Error(error);
        reply["status"] = "error";
        reply["execution_count"] = count;
        Reply(KernelChannel.Shell, request, "execute_reply", reply);
        return true;
    }

    private void Forward(int cell, CellOutput output)
    {
        (JupyterMessage Request, int Count, bool Silent) origin;
        lock (_cells)
        {
            if (!_cells.TryGetValue(cell, out origin))
            {
                return;
            }
        }
        if (origin.Silent && output is ExecuteResultOutput)
        {
            return;
        }
        var (msgType, content) = KernelOutputs.ToMessage(output, origin.Count);
        Publish(origin.Request, msgType, content);
    }
}

using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Tests.Kernel;

/// <summary>
/// Our kernel, started through its kernelspec by jupyter_client's <c>KernelManager</c> and driven by
/// its blocking client (Conformance/conformance.py): the protocol, the faults (bad signature, an
/// infinite loop interrupted, a crashing cell), restart and shutdown. Each group is one kernel.
/// </summary>
public sealed class KernelConformanceTests
{
    [Theory]
    [InlineData("protocol")]
    [InlineData("faults")]
    [InlineData("restart")]
    [InlineData("signal")]
    public async Task JupyterClient_DrivesKernel_EveryCheckPasses(string group)
    {
        using var jupyter = JupyterPython.Require();
        var script = Path.Combine(AppContext.BaseDirectory, "Kernel", "Conformance", "conformance.py");
        var kernel = JupyterPython.KernelName;
        if (group == "signal")
        {
            // The same kernel with interrupts as SIGINT, the kernelspec default some front ends and users still pick.
            kernel = jupyter.InstallVariant("tick-csharp-signal", spec => spec["interrupt_mode"] = "signal");
        }

        var (exit, stdout, stderr) = await jupyter.RunAsync(TimeSpan.FromMinutes(5), null, script, kernel, group);

        var lastLine = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        Assert.True(lastLine.StartsWith('['), $"expected a JSON report from conformance.py, got exit {exit}\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
        var checks = JsonNode.Parse(lastLine)!.AsArray();
        var failed = checks.Where(c => !(bool)c!["ok"]!).Select(c => $"{c!["test"]}: {c["detail"]}").ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} of {checks.Count} checks failed:\n{string.Join("\n", failed)}\n--- kernel and client stderr\n{stderr}");
        Assert.Equal(0, exit);
        if (group == "faults")
        {
            // The tampered message was logged by the kernel (its stderr is the client's), and never run.
            Assert.Contains("dropped a message on shell: bad signature", stderr, StringComparison.Ordinal);
        }
    }
}

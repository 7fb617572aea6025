using System.Diagnostics;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Kernel.Kernelspec;

namespace Pipeline.Scripts.Tests.Kernel.Kernelspec;

/// <summary>
/// <c>pipeline kernel install --user | list | uninstall</c> in a child process whose Jupyter folders point at a
/// temp folder, and jupyter_client's own kernelspec listing finding what we installed.
/// </summary>
public sealed class KernelCommandTests
{
    [Fact]
    public async Task InstallUser_ListedByUsAndByJupyterClient_ThenUninstalled()
    {
        using var jupyter = JupyterPython.Require();
        using var home = new TempDirectory();
        var data = home.Combine("jupyter");

        var install = await PipelineAsync(data, "kernel", "install", "--user");
        var list = await PipelineAsync(data, "kernel", "list");
        var (exit, json, stderr) = await RunWithDataAsync(JupyterPython.Python, data, "-m", "jupyter_client.kernelspecapp", "list", "--json");
        var uninstall = await PipelineAsync(data, "kernel", "uninstall");
        var after = await PipelineAsync(data, "kernel", "list");

        var folder = Path.Combine(data, "kernels", KernelspecWriter.DefaultName);
        Assert.True(install.Exit == 0, install.ToString());
        Assert.Contains(folder, install.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{KernelspecWriter.DefaultName}", list.Stdout, StringComparison.Ordinal);
        Assert.Contains(folder, list.Stdout, StringComparison.Ordinal);
        Assert.True(exit == 0, stderr);
        var spec = JsonNode.Parse(json)!["kernelspecs"]![KernelspecWriter.DefaultName]!;
        Assert.Equal(folder, (string?)spec["resource_dir"]);
        Assert.Equal(("C#", "message"), ((string?)spec["spec"]!["language"], (string?)spec["spec"]!["interrupt_mode"]));
        Assert.Contains("{connection_file}", spec["spec"]!["argv"]!.AsArray().Select(a => (string?)a));
        Assert.Contains($"Removed {folder}", uninstall.Stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
        Assert.DoesNotContain(folder, after.Stdout, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> PipelineAsync(string data, params string[] args) =>
        await RunWithDataAsync(Pipeline.Scripts.Notebooks.Worker.WorkerLaunch.DotnetHost(), data, [typeof(KernelspecWriter).Assembly.Location, .. args]);

    private static async Task<(int Exit, string Stdout, string Stderr)> RunWithDataAsync(string program, string data, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        // Only the temp folder: the user's own Jupyter folders are neither read for the assertions nor written.
        info.Environment["JUPYTER_DATA_DIR"] = data;
        info.Environment["JUPYTER_PATH"] = data;
        info.Environment["JUPYTER_CONFIG_DIR"] = Path.Combine(data, "config");
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}

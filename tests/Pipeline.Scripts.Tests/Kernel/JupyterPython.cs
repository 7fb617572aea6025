using System.Diagnostics;
using System.Text;
using Pipeline.Scripts.Kernel.Kernelspec;

namespace Pipeline.Scripts.Tests.Kernel;

/// <summary>
/// Debian's <c>/usr/bin/python3</c> with <c>jupyter_client</c> and <c>nbclient</c> (python3-jupyter-client,
/// python3-nbclient; test.sh installs them): Jupyter's own clients driving our kernel. When a module is
/// missing the test fails under CI (<c>CI=true</c>) and is skipped elsewhere, with the install command.
/// Each use gets a temp Jupyter folder holding our kernelspec, found through <c>JUPYTER_PATH</c>, so the
/// user's own Jupyter folders are never touched.
/// </summary>
internal sealed class JupyterPython : IDisposable
{
    public const string Python = "/usr/bin/python3";

    /// <summary>The kernelspec name the tests install (the notebooks' own: the temp JUPYTER_PATH comes first in the search).</summary>
    public const string KernelName = KernelspecWriter.DefaultName;

    private static readonly Lazy<string?> Missing = new(FindProblem);
    private readonly TempDirectory _home = new();

    private JupyterPython()
    {
        KernelspecWriter.Install(_home.Combine("data"), KernelName);
        SpecFolder = _home.Combine("data", "kernels", KernelName);
    }

    /// <summary>The installed kernelspec's folder.</summary>
    public string SpecFolder { get; }

    /// <summary>Installs our kernelspec under <paramref name="name"/> with <paramref name="edit"/> applied to its kernel.json; returns the name.</summary>
    public string InstallVariant(string name, Action<System.Text.Json.Nodes.JsonObject> edit)
    {
        var folder = KernelspecWriter.Install(_home.Combine("data"), name);
        var path = Path.Combine(folder, "kernel.json");
        var spec = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        edit(spec);
        File.WriteAllText(path, spec.ToJsonString());
        return name;
    }

    /// <summary>The temp folder of this session.</summary>
    public TempDirectory Home => _home;

    /// <summary>A session, or a skip (a failure under CI) when Python or its Jupyter modules are missing.</summary>
    public static JupyterPython Require()
    {
        if (Missing.Value is { } problem)
        {
            var message = $"The kernel's conformance tests drive it with Debian's jupyter_client and nbclient ({problem}); install them with `apt-get install -y python3-jupyter-client python3-nbclient`.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " Under CI this is a failure.");
            }
            Assert.Skip(message);
        }
        return new JupyterPython();
    }

    /// <summary>Runs python3 with <paramref name="args"/> and the Jupyter environment; kills it after <paramref name="timeout"/>.</summary>
    public async Task<(int Exit, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, string? workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? _home.Path,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["JUPYTER_PATH"] = _home.Combine("data");
        info.Environment["JUPYTER_DATA_DIR"] = _home.Combine("data");
        info.Environment["JUPYTER_RUNTIME_DIR"] = _home.Combine("runtime");
        info.Environment["JUPYTER_CONFIG_DIR"] = _home.Combine("config");
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, await stdout, $"python3 {string.Join(' ', args)} did not finish within {timeout.TotalSeconds:0} s and was killed\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    public void Dispose() => _home.Dispose();

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found";
        }
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import jupyter_client, nbclient, nbformat, zmq");
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0 ? null : error.Result.Trim();
    }
}

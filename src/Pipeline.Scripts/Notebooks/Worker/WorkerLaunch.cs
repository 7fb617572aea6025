using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>
/// How to start the worker: the same <c>pipeline</c> program (this assembly) through the .NET host
/// (<c>dotnet exec pipeline.dll notebook-worker</c>), so it works the same whether the parent was
/// started by its apphost, by <c>dotnet pipeline.dll</c>, or inside a test host.
/// </summary>
internal static class WorkerLaunch
{
    /// <summary>A start description for a worker running in <paramref name="workingDirectory"/>.</summary>
    public static ProcessStartInfo StartInfo(string workingDirectory)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(typeof(WorkerLaunch).Assembly.Location);
        info.ArgumentList.Add(WorkerHost.CommandName);
        // Roslyn's cold start dominates a short notebook; tiered PGO's instrumentation only slows that start.
        info.Environment["DOTNET_TieredPGO"] = "0";
        return info;
    }

    /// <summary>The <c>dotnet</c> host running this process, found without relying on PATH when possible.</summary>
    public static string DotnetHost()
    {
        var executable = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } current && Path.GetFileName(current) == executable)
        {
            return current;
        }
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }
        // <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        if (root is not null && File.Exists(Path.Combine(root, executable)))
        {
            return Path.Combine(root, executable);
        }
        return executable;
    }
}

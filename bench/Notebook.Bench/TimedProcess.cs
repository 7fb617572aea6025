using System.Diagnostics;

namespace Notebook.Bench;

/// <summary>A child process timed from start to exit, with its peak resident memory sampled every 20 ms.</summary>
internal sealed record TimedProcess(int Exit, TimeSpan Wall, string Output, string Error, long PeakRss)
{
    public static async Task<TimedProcess> RunAsync(string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(20))
        {
            peak = Math.Max(peak, ProcMemory.Of(process.Id).Peak);
        }
        var wall = clock.Elapsed;
        return new TimedProcess(process.ExitCode, wall, await output, await error, peak);
    }

    /// <summary>The <c>dotnet</c> host running this process.</summary>
    public static string Dotnet => Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}

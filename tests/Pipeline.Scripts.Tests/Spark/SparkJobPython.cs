using System.Diagnostics;

namespace Pipeline.Scripts.Tests.Spark;

/// <summary>
/// Runs Debian's <c>/usr/bin/python3</c> on the Spark job file (<c>deploy/spark/jobs/tick_pipeline.py</c>) without
/// PySpark: the job imports Spark inside its steps, so compiling it, its <c>--help</c> and its pure helpers run anywhere.
/// A missing python3 skips the test with a message, and fails it under CI.
/// </summary>
internal static class SparkJobPython
{
    public const string Python = "/usr/bin/python3";

    public static string JobFile => Path.Combine(RunAll.RunAllCommandTests.RepositoryRoot(), "deploy", "spark", "jobs", "tick_pipeline.py");

    /// <summary>Runs python3 (no bytecode written) with <paramref name="args"/>; returns the exit code, standard output and error.</summary>
    public static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        if (!File.Exists(Python))
        {
            var message = $"The Spark job checks need {Python} (apt-get install -y python3).";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " Under CI this is a failure.");
            }
            Assert.Skip(message);
        }
        var info = new ProcessStartInfo(Python, ["-B", .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(JobFile)!,
        };
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(info)!;
        var ct = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await output, await error);
    }

    /// <summary>Runs a Python snippet with the job importable as <c>tp</c>; returns its standard output (it must exit 0).</summary>
    public static async Task<string> EvalAsync(string snippet)
    {
        var (exit, output, error) = await RunAsync("-c", "import sys; sys.path.insert(0, '.'); import tick_pipeline as tp\n" + snippet);
        Assert.True(exit == 0, error);
        return output.ReplaceLineEndings("\n").TrimEnd('\n');
    }
}

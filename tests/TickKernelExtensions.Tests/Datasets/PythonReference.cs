using System.Diagnostics;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>
/// Python itself as the independent implementation DVC runs on: <c>json.dumps</c> (what dvc-data writes a directory
/// manifest with) and PyYAML (a YAML 1.1 reader, stricter than DVC's ruamel about what is a string). When
/// <c>/usr/bin/python3</c> or a module is missing the test fails under CI (<c>CI=true</c>) and is skipped elsewhere.
/// </summary>
internal static class PythonReference
{
    private const string Python = "/usr/bin/python3";

    /// <summary>Runs <paramref name="script"/> with arguments; returns its standard output (the test fails on a non-zero exit).</summary>
    public static string Run(string module, string script, params string[] args)
    {
        Require(module);
        var (exit, output, error) = Exec(script, args);
        Assert.True(exit == 0, $"python3 failed:\n{error}");
        return output;
    }

    private static void Require(string module)
    {
        var problem = !File.Exists(Python) ? $"{Python} not found" : Exec($"import {module}").Exit != 0 ? $"python3 has no module {module}" : null;
        if (problem is null)
        {
            return;
        }
        var message = $"The Python cross-check needs {problem} (Debian: python3, python3-yaml).";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(message + " Under CI this is a failure.");
        }
        Assert.Skip(message);
    }

    private static (int Exit, string Output, string Error) Exec(string script, params string[] args)
    {
        var info = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}

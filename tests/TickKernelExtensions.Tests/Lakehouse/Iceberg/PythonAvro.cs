using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>
/// Apache Avro's Python reference implementation (Debian's python3-avro) as an independent reader of the Avro
/// files we write. When the module is missing the test fails under CI (<c>CI=true</c>; test.sh installs it) and
/// is skipped elsewhere.
/// </summary>
internal static class PythonAvro
{
    private const string Python = "/usr/bin/python3";

    private const string Script = """
        import json, sys, datetime, warnings
        warnings.simplefilter("ignore")
        import avro.datafile, avro.io
        def enc(o):
            if isinstance(o, bytes): return o.hex()
            if isinstance(o, (datetime.date, datetime.datetime)): return o.isoformat()
            raise TypeError(type(o))
        with open(sys.argv[1], "rb") as f:
            r = avro.datafile.DataFileReader(f, avro.io.DatumReader())
            meta = {k: v.decode("utf-8") for k, v in r.meta.items()}
            records = list(r)
        print(json.dumps({"meta": meta, "records": records}, default=enc))
        """;

    private static readonly Lazy<string?> Missing = new(FindProblem);

    /// <summary>The file's key-value metadata and records as the reference implementation decodes them (bytes as hex, dates ISO).</summary>
    public static JsonNode Read(string path)
    {
        if (Missing.Value is { } problem)
        {
            var message = $"The Avro cross-check needs Debian's python3-avro ({problem}); install it with `apt-get install -y python3-avro`.";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message + " Under CI this is a failure.");
            }
            Assert.Skip(message);
        }
        var (exit, output) = Run(Script, path);
        Assert.True(exit == 0, $"python3-avro could not read {path}:\n{output}");
        return JsonNode.Parse(output)!;
    }

    private static string? FindProblem()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found";
        }
        var (exit, output) = Run("import avro.datafile");
        return exit == 0 ? null : output.Trim();
    }

    private static (int Exit, string Output) Run(string script, params string[] args)
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
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}

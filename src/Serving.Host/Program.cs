using Microsoft.Extensions.Configuration;
using Serving.Host;

// dotnet run --project src/Serving.Host -- --bundle data/models/<name>/<version> [--shadow <folder>] [--port 8080] [--host 127.0.0.1]
// API keys: Serving__ApiKeys or TICK_SERVING_API_KEYS (comma separated), never on the command line.
var configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
var options = new ServingHostOptions { ApiKeys = ApiKeyRing.FromConfiguration(configuration, Environment.GetEnvironmentVariable(ApiKeyRing.EnvironmentVariable)) };
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    options = args[i] switch
    {
        "--bundle" => options with { BundleFolder = Value() },
        "--shadow" => options with { ShadowBundleFolder = Value() },
        "--host" => options with { Host = Value() },
        "--port" => options with { Port = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
        "--max-body" => options with { MaxRequestBodyBytes = long.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
        "--rate" => options with { RateLimitPermits = int.Parse(Value(), System.Globalization.CultureInfo.InvariantCulture) },
        "-h" or "--help" => throw new ArgumentException("Options: --bundle FOLDER, --shadow FOLDER, --host ADDRESS, --port N, --max-body BYTES, --rate PER-SECOND."),
        var other => throw new ArgumentException($"Unknown option {other} (--help lists them)."),
    };
}
await using var host = await ServingHost.StartAsync(options);
Console.WriteLine($"Serving on {host.Url} (Ctrl+C or SIGTERM stops)");
await host.WaitForShutdownAsync();

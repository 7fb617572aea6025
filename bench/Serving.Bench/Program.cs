using System.Globalization;
using Microsoft.Extensions.Logging;
using Serving.Bench;
using Serving.Host;

// dotnet run -c Release --project bench/Serving.Bench -- [--seconds 10] [--concurrency 16,32] [--rate 5000] [--step-seconds 61] [--cache bench/cache/serving] [--client raw|httpclient]
// Starts the serving host (a real bundle, scoring on every tick by default) and the anchor endpoint in this process,
// warms both up, then runs the same closed-loop and open-loop loads against each. See bench/README.md, "serving".
var seconds = 10.0;
int[] concurrency = [16, 32];
var rate = 5_000;
var step = TimeSpan.FromSeconds(61);
var cache = Path.Combine("bench", "cache", "serving");
var raw = true;
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--seconds": seconds = double.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = [.. Value().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
        case "--rate": rate = int.Parse(Value(), CultureInfo.InvariantCulture); break;
        case "--step-seconds": step = TimeSpan.FromSeconds(double.Parse(Value(), CultureInfo.InvariantCulture)); break;
        case "--cache": cache = Value(); break;
        case "--client": raw = Value() switch { "raw" => true, "httpclient" => false, var c => throw new ArgumentException($"--client {c}: raw or httpclient.") }; break;
        default: throw new ArgumentException($"Unknown option {args[i]}: --seconds, --concurrency, --rate, --step-seconds, --cache, --client.");
    }
}
if (concurrency.Any(c => c > TickKernelExtensions.Market.InstrumentCatalog.Default.All.Count))
{
    throw new ArgumentException($"Concurrency above {TickKernelExtensions.Market.InstrumentCatalog.Default.All.Count} (the catalogue's symbols) would share a symbol between senders and reorder its ticks.");
}

const string Key = "bench-key";
var bundle = BenchBundle.Ensure(cache);
Console.WriteLine($"client {(raw ? "raw sockets" : "HttpClient")}; load average before: {File.ReadAllText("/proc/loadavg").Trim()}; cores {Environment.ProcessorCount}; bundle {Path.GetRelativePath(Environment.CurrentDirectory, bundle)}");
Console.WriteLine($"every tick advances its symbol's clock {step.TotalSeconds:0.#} s (one-minute bars: {(step >= TimeSpan.FromMinutes(1) ? "every tick closes a bar and is scored" : $"a bar closes every {Math.Ceiling(60 / step.TotalSeconds):0} ticks")})");

await using var host = await ServingHost.StartAsync(new ServingHostOptions
{
    BundleFolder = bundle,
    ApiKeys = [Key],
    RateLimitPermits = int.MaxValue,
}, logging: l => l.ClearProviders());
var anchor = await AnchorServer.StartAsync(Key);
var anchorUrl = anchor.Urls.First().TrimEnd('/');

var results = new List<(string Server, LoadResult Result)>();
foreach (var (server, url) in new[] { ("serving host (model)", host.Url), ("anchor (parse, constant)", anchorUrl) })
{
    await WarmUpAsync(server, url);
    foreach (var c in concurrency)
    {
        using var load = new LoadGenerator(url, Key, raw);
        results.Add((server, await load.ClosedAsync(c, TimeSpan.FromSeconds(seconds), step)));
        Print(results[^1]);
    }
    using (var open = new LoadGenerator(url, Key, raw))
    {
        results.Add((server, await open.OpenAsync(rate, TimeSpan.FromSeconds(seconds), concurrency.Max(), step)));
        Print(results[^1]);
    }
}
await anchor.StopAsync();
await anchor.DisposeAsync();

Console.WriteLine();
Console.WriteLine("| server | load | requests | rps | p50 ms | p99 ms | p99.9 ms | max ms | errors (of which 400) | CPU (cores, whole process) | pacer slip p99 ms | GCs gen 0/1/2, paused | allocated per request (process) |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var (server, r) in results)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {server} | {r.Mode} | {r.Requests:N0} | {r.Rps:N0} | {r.Latency.P50 / 1e3:0.00} | {r.Latency.P99 / 1e3:0.00} | {r.Latency.P999 / 1e3:0.00} | {r.Latency.Max / 1e3:0.0} | {r.Errors:N0} ({r.OutOfOrder:N0}) | {r.CpuCores:0.00} | {(r.Slip is { } slip ? (slip.P99 / 1e3).ToString("0.00", CultureInfo.InvariantCulture) : "—")} | {r.Gc} | {r.Gc.Allocated / (double)r.Requests / 1024:0.0} KiB |"));
}
Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");

// Load until the JIT has finished tiering up: on 2 busy cores the background tier-1 compiler takes tens of seconds to
// promote the thousands of methods a request touches (Kestrel, routing, JSON, ML.NET), and a server measured before
// that is measured half unoptimised. Rounds of two seconds at the highest concurrency, each followed by a few refused
// ticks (so the 400 path is compiled as well: compiling it at the first refusal in an open-loop run stalls the server
// for ~100 ms), until a round compiles fewer than 20 methods (or a minute has passed); rounds and methods are printed.
async Task WarmUpAsync(string server, string url)
{
    var clock = System.Diagnostics.Stopwatch.StartNew();
    var rounds = 0;
    var before = System.Runtime.JitInfo.GetCompiledMethodCount();
    var compiled = long.MaxValue;
    while (compiled >= 20 && clock.Elapsed < TimeSpan.FromMinutes(1))
    {
        using var warm = new LoadGenerator(url, Key, raw);
        var start = System.Runtime.JitInfo.GetCompiledMethodCount();
        await warm.ClosedAsync(concurrency.Max(), TimeSpan.FromSeconds(2), step);
        await warm.RefusedAsync();
        compiled = System.Runtime.JitInfo.GetCompiledMethodCount() - start;
        rounds++;
    }
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{server}: warmed up in {clock.Elapsed.TotalSeconds:0} s ({rounds} rounds, {System.Runtime.JitInfo.GetCompiledMethodCount() - before:N0} methods compiled; last round {compiled})"));
}

static void Print((string Server, LoadResult R) x) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"[threads {ThreadPool.ThreadCount}, completed {ThreadPool.CompletedWorkItemCount:N0}, lock contention {Monitor.LockContentionCount:N0}] {x.Server}, {x.R.Mode}: {x.R.Rps:N0} rps, p50 {x.R.Latency.P50 / 1e3:0.00} ms, p99 {x.R.Latency.P99 / 1e3:0.00} ms, p99.9 {x.R.Latency.P999 / 1e3:0.00} ms, errors {x.R.Errors:N0} ({x.R.OutOfOrder:N0} 400s){(x.R.Slip is { } slip ? $", pacer slip p99 {slip.P99 / 1e3:0.00} ms" : "")}"));

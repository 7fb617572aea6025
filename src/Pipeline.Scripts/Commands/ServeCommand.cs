using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Serving.Host;
using TickKernelExtensions;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Modeling.Export;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline serve</c>: stage 6, the serving host (<see cref="ServingHost"/>) on one model bundle — a folder given with
/// <c>--bundle</c>, or an exported model under <c>&lt;data&gt;/models</c> by name (latest version by default). API keys
/// come only from <c>TICK_SERVING_API_KEYS</c> (comma separated), never from the command line; without one the command
/// refuses to start, since every keyed endpoint would refuse every request. <c>--demo-journal</c> and the options of
/// <see cref="ServeDemoOptions"/> run a demo (paper) account on the served signals. Runs until Ctrl+C or SIGTERM.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The environment variable the keys are read from.</summary>
    public const string KeysVariable = "TICK_SERVING_API_KEYS";

    public static Command Build()
    {
        var data = CommonOptions.Data();
        var bundle = new Option<string?>("--bundle") { Description = "The model bundle folder to serve (e.g. a copy of data/models/<name>/<version>)." };
        var name = new Option<string?>("--model") { Description = "An exported model under <data>/models, instead of --bundle." };
        var version = new Option<string?>("--model-version") { Description = "Its version (default: the latest)." };
        var shadow = new Option<string?>("--shadow") { Description = "A shadow bundle scored on the same bars; its signals are only logged and counted." };
        var host = new Option<string>("--host") { Description = "The address to bind; 0.0.0.0 only behind a firewall.", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<int>("--port") { Description = "The port; 0 = any free port.", DefaultValueFactory = _ => 8080 };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes (larger → 413).", DefaultValueFactory = _ => 1 << 20 };
        var rate = new Option<int>("--rate") { Description = "Requests per API key per second on the keyed endpoints (over → 429).", DefaultValueFactory = _ => 10_000 };
        var jump = new Option<double>("--max-price-jump")
        {
            Description = "Largest relative move of a symbol's bid or ask from its last accepted tick (over → 400); 0.1 = 10 %, Infinity = no check.",
            DefaultValueFactory = _ => 0.1,
        };
        var demo = new ServeDemoOptions();
        var command = new Command("serve", $"Stage 6: serve a model bundle over HTTP (POST /v1/ticks → signals). Keys from {KeysVariable} (comma separated), never the command line. Runs until Ctrl+C or SIGTERM.")
        {
            data, bundle, name, version, shadow, host, port, maxBody, rate, jump,
        };
        foreach (var option in demo.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var output = r.InvocationConfiguration.Output;
            if ((r.GetValue(bundle) is null) == (r.GetValue(name) is null))
            {
                await Console.Error.WriteLineAsync("error: give exactly one of --bundle FOLDER or --model NAME.");
                return 3;
            }
            var keys = (Environment.GetEnvironmentVariable(KeysVariable) ?? "")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (keys.Length == 0)
            {
                await Console.Error.WriteLineAsync($"error: no API key: set {KeysVariable}=key1[,key2…] (keys are never taken from the command line; without one every keyed endpoint would refuse).");
                return 3;
            }
            var (journal, demoOptions, demoError) = demo.Read(r);
            if (demoError is not null)
            {
                await Console.Error.WriteLineAsync($"error: {demoError}");
                return 3;
            }
            string folder;
            try
            {
                folder = r.GetValue(bundle) ?? Resolve(new DataLayout(r.GetValue(data)!), r.GetValue(name)!, r.GetValue(version));
            }
            catch (BacktestException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
            if (!Directory.Exists(folder))
            {
                await Console.Error.WriteLineAsync($"error: there is no model bundle folder {folder} (run pipeline train, or copy a bundle there).");
                return 2;
            }
            var options = new ServingHostOptions
            {
                BundleFolder = folder,
                ShadowBundleFolder = r.GetValue(shadow),
                ApiKeys = keys,
                Host = r.GetValue(host)!,
                Port = r.GetValue(port),
                MaxRequestBodyBytes = r.GetValue(maxBody),
                RateLimitPermits = r.GetValue(rate),
                MaxPriceJump = r.GetValue(jump),
                DemoJournal = journal,
                Demo = demoOptions,
            };
            ServingHost served;
            try
            {
                // ASP.NET Core's per-request lines at Information would cost more than the scoring: warnings and up only.
                served = await ServingHost.StartAsync(options, l => l.AddFilter("Microsoft.AspNetCore", LogLevel.Warning), ct);
            }
            catch (ModelBundleException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 3;
            }
            catch (ExecutionException e)
            {
                // The demo account's options or journal: bad options are a usage error, a corrupt or foreign journal is not.
                await Console.Error.WriteLineAsync($"error (demo account, {e.Kind}): {e.Message}");
                return e.Kind == ExecutionErrorKind.InvalidOptions ? 3 : 2;
            }
            catch (IOException e)
            {
                await Console.Error.WriteLineAsync($"error: cannot listen on {options.Host}:{options.Port}: {e.Message}");
                return 2;
            }
            await using (served)
            {
                var model = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar)));
                var v = Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"serving {model} v{v} on {served.Url} (Ctrl+C or SIGTERM stops)"));
                if (journal is not null)
                {
                    var b = demoOptions.Backtest;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"demo account: journal {journal}, initial balance {b.InitialBalance} {b.AccountCurrency}, {b.Sizing.Value} lots per position, at most {demoOptions.Risk.MaxLotsPerPosition} lots and {demoOptions.Risk.MaxOpenPositions} positions"));
                }
                output.Flush();
                try
                {
                    await served.WaitForShutdownAsync(ct);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl+C reaches the command's token as well as the host's lifetime: either way, stop cleanly.
                }
            }
            return 0;
        }));
        return command;
    }

    /// <summary>The bundle folder of <paramref name="name"/> under <paramref name="layout"/>'s models (latest version when none is given).</summary>
    internal static string Resolve(DataLayout layout, string name, string? version) =>
        ModelBundle.FolderOf(name, version ?? BacktestJob.LatestVersion(layout.Models, name), layout.Models);
}

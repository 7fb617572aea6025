using System.CommandLine;
using System.Globalization;
using Pipeline.Scripts.Output;
using TickKernelExtensions;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Simulation;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline simulate</c>: write the built-in market as a datafeed mirror.</summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var output = new Option<string?>("--out") { Description = "Mirror folder (default: <data>/mirror/dukascopy)." };
        var symbols = CommonOptions.Symbols("Instruments (default EURUSD,USDJPY,XAUUSD).");
        var from = CommonOptions.Time("--from", "Start (default 2024-03-04).");
        var to = CommonOptions.Time("--to", "End, exclusive (default 2024-03-25).");
        var seed = new Option<long>("--seed") { Description = "Random seed: the same seed gives the same market.", DefaultValueFactory = _ => 42 };
        var randomWalk = new Option<bool>("--random-walk") { Description = "A pure random walk with no exploitable structure (for integrity tests)." };
        var scale = new Option<double>("--tick-rate-scale") { Description = "Multiplies tick arrival rates (e.g. 0.1 for small test data).", DefaultValueFactory = _ => 1.0 };
        var command = new Command("simulate", "Write the built-in market (a seeded, deterministic simulated Dukascopy datafeed) to a mirror folder.")
        {
            data, output, symbols, from, to, seed, randomWalk, scale,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = new MarketSimulatorOptions { Seed = r.GetValue(seed), TickRateScale = r.GetValue(scale) };
            if (r.GetValue(symbols) is { Length: > 0 } s)
            {
                options = options with { Symbols = s };
            }
            if (r.GetValue(from) is { } f)
            {
                options = options with { StartUtc = f };
            }
            if (r.GetValue(to) is { } t)
            {
                options = options with { EndUtc = t };
            }
            if (r.GetValue(randomWalk))
            {
                options = options with { Mode = SimulationMode.RandomWalk };
            }
            var root = r.GetValue(output) ?? new DataLayout(r.GetValue(data)!).Mirror;
            var simulator = new MarketSimulator(options);
            var result = await ConsoleProgress.RunAsync<MirrorWriteResult>(p => simulator.WriteMirrorAsync(root,
                new Progress<MirrorProgress>(m => p.Report(new IngestProgress("simulate", m.HoursDone, m.HoursTotal, $"{m.Ticks:N0} ticks"))), ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Ticks:N0} ticks, {IngestSummaryPrinter.Bytes(result.Bytes)}: {result.FilesWritten:N0} files written, {result.FilesUnchanged:N0} unchanged, at {result.Root}"));
            return 0;
        }));
        return command;
    }
}

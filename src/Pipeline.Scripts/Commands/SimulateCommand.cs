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
        var output = new Option<string?>("--out") { Description = "Mirror folder (default: <data>/mirror/builtin-<fingerprint of the options>)." };
        var symbols = CommonOptions.Symbols("Instruments (default EURUSD,USDJPY,XAUUSD).");
        var from = CommonOptions.Time("--from", "Start (default 2024-03-04).");
        var to = CommonOptions.Time("--to", "End, exclusive (default 2024-03-25).");
        var simulation = new SimulationOptions();
        var command = new Command("simulate", "Write the built-in market (a seeded, deterministic simulated Dukascopy datafeed) to a mirror folder.")
        {
            data, output, symbols, from, to,
        };
        foreach (var option in simulation.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = simulation.Read(r, r.GetValue(symbols), r.GetValue(from), r.GetValue(to));
            var root = r.GetValue(output) ?? new DataLayout(r.GetValue(data)!).MirrorOf(options.SourceName);
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

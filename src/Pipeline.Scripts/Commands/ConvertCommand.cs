using System.CommandLine;
using Microsoft.Extensions.Logging;
using System.Globalization;
using Pipeline.Scripts.Output;
using TickKernelExtensions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline convert</c>: raw Dukascopy hours → tick Parquet.</summary>
internal static class ConvertCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var source = new Option<FeedSource>("--source")
        {
            Description = "How the raw files are encoded: bi5 (default; also the built-in market) or json.",
            DefaultValueFactory = _ => FeedSource.Bi5,
        };
        var rawSource = new Option<string?>("--raw-source")
        {
            Description = "The raw-zone folder to read (default dukascopy-bi5 or dukascopy-json; the built-in market's is printed by ingest, e.g. builtin-1a2b3c4d).",
        };
        var symbols = CommonOptions.Symbols("Instruments.");
        symbols.Required = true;
        var from = CommonOptions.Time("--from", "Start (inclusive).");
        from.Required = true;
        var to = CommonOptions.Time("--to", "End (exclusive).");
        to.Required = true;
        var force = new Option<bool>("--force") { Description = "Rewrite days even when up to date." };
        var command = new Command("convert", "Convert raw Dukascopy tick hours into Hive-partitioned tick Parquet (symbol=/date=).")
        {
            data, source, rawSource, symbols, from, to, force,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var layout = new DataLayout(r.GetValue(data)!);
            var name = r.GetValue(rawSource);
            IDukascopyFeed feed = r.GetValue(source) == FeedSource.Json ? new JsonApiFeed(sourceName: name) : new Bi5Feed(sourceName: name);
            var instruments = r.GetValue(symbols)!.Select(InstrumentCatalog.Default.Get).ToList();
            var converter = new RawTickConverter(feed, new RawZone(layout.Raw), new TickParquetDataset(layout.Ticks),
                new ConvertOptions { Force = r.GetValue(force) }, ConsoleLogging.Factory.CreateLogger<RawTickConverter>());
            var report = await ConsoleProgress.RunAsync(p => converter.ConvertAsync(instruments, r.GetValue(from)!.Value, r.GetValue(to)!.Value,
                new Progress<ConversionProgress>(c => p.Report(new IngestProgress("convert", c.DoneDays, c.TotalDays, c.Last))), ct));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.Count(DayState.Converted)} days written, {report.Count(DayState.UpToDate)} up to date, {report.Count(DayState.NoData)} without data, {report.Count(DayState.Failed)} failed; {report.Ticks:N0} ticks, {IngestSummaryPrinter.Bytes(report.Bytes)}"));
            foreach (var failed in report.Days.Where(d => d.State == DayState.Failed))
            {
                await Console.Error.WriteLineAsync($"{failed.Symbol} {failed.Date:yyyy-MM-dd}: {failed.Error}");
            }
            return report.Succeeded ? 0 : 1;
        }));
        return command;
    }
}

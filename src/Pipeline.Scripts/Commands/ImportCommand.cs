using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pipeline.Scripts.Output;
using TickKernelExtensions;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline import</c>: CSV tick files → raw zone + Parquet, all or nothing per file.</summary>
internal static class ImportCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var files = new Argument<string[]>("files") { Description = "CSV (or LEAN/HistData zip) files.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<CsvTickFormat>("--format")
        {
            Description = "auto (default), dukascopy, dukascopynode, mt5, histdata or lean.",
            DefaultValueFactory = _ => CsvTickFormat.Auto,
        };
        var symbol = new Option<string?>("--symbol") { Description = "The instrument, when the file name does not say (e.g. EURUSD)." };
        var offset = new Option<TimeSpan?>("--utc-offset") { Description = "Broker/server time offset from UTC, e.g. 02:00 or -05:00 (MT5 exports)." };
        var zone = new Option<string?>("--time-zone") { Description = "Broker/server IANA time zone with DST, e.g. Europe/Helsinki (MT5 exports)." };
        var keepCrossed = new Option<bool>("--keep-crossed") { Description = "Keep crossed quotes (ask < bid) instead of refusing the file." };
        var command = new Command("import", "Import CSV tick files (Dukascopy/JForex, dukascopy-node, MT5, HistData, LEAN): bad files are quarantined, nothing is half-imported.")
        {
            data, files, format, symbol, offset, zone, keepCrossed,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var layout = new DataLayout(r.GetValue(data)!);
            var options = new CsvImportOptions
            {
                Format = r.GetValue(format),
                Symbol = r.GetValue(symbol),
                UtcOffset = r.GetValue(offset),
                TimeZone = r.GetValue(zone),
                Validation = r.GetValue(keepCrossed) ? TickValidationOptions.Strict with { CrossedQuotes = TickPolicy.Keep } : TickValidationOptions.Strict,
            };
            var importer = new CsvTickImporter(layout, logger: ConsoleLogging.Factory.CreateLogger<CsvTickImporter>());
            var failed = 0;
            foreach (var file in r.GetValue(files)!)
            {
                try
                {
                    var result = await importer.ImportAsync(file, options, ct);
                    var s = result.Summary;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{file}: {s.Format} {s.Symbol}, {s.Ticks:N0} ticks ({s.SkippedTotal:N0} rows skipped), {result.Commit.Files.Count} Parquet files, raw copy {result.RawPath}"));
                }
                catch (MarketDataException e)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                    await Console.Error.WriteLineAsync($"  quarantined under {layout.Quarantine}; nothing was imported from this file.");
                }
            }
            return failed == 0 ? 0 : 1;
        }));
        return command;
    }
}

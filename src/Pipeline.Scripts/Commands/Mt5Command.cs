using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TickKernelExtensions;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Lake;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline mt5</c>: the files of the MT5 bridge. <c>export-ticks</c> writes one symbol's <c>silver.ticks</c> as the
/// text file a custom symbol's Import Ticks accepts; <c>export-signals</c> writes trade signals (JSON) as the CSV file
/// <c>deploy/mt5/TickSignalEA.mq5</c> replays in the Strategy Tester. Both in the same server clock.
/// </summary>
internal static class Mt5Command
{
    public static Command Build()
    {
        var command = new Command("mt5", "MetaTrader 5 bridge: export ticks for a custom symbol and signals for TickSignalEA's tester mode (see deploy/mt5/README.md).");
        command.Subcommands.Add(BuildExportTicks());
        command.Subcommands.Add(BuildExportSignals());
        return command;
    }

    private static Option<string> ServerTime() => new("--server-time")
    {
        Description = "The MT5 server clock to write times in: utc, new-york-close (UTC+2/+3 with US daylight saving), a fixed offset like +02:00, or an IANA zone. Use the same for ticks and signals.",
        DefaultValueFactory = _ => "utc",
    };

    private static Command BuildExportTicks()
    {
        var data = CommonOptions.Data();
        var catalog = CommonOptions.Catalog();
        var symbol = new Option<string>("--symbol") { Description = "The symbol to export, e.g. EURUSD.", Required = true };
        var from = CommonOptions.Time("--from", "Start (inclusive).");
        var to = CommonOptions.Time("--to", "End (exclusive).");
        var output = new Option<string>("--out") { Description = "The tick file to write (tab separated, for Symbols → Ticks → Import Ticks).", Required = true };
        var serverTime = ServerTime();
        var digits = new Option<int?>("--digits") { Description = "Price decimals (default: the instrument's); set it to the custom symbol's Digits." };
        var volume = new Option<bool>("--quote-volume") { Description = "Write bid + ask quote volume into <VOLUME> (default: empty, as MT5's own FX exports)." };
        var command = new Command("export-ticks", "Write one symbol's silver.ticks (spikes and crossed quotes left out) as an MT5 custom-symbol tick file, streaming, atomically.")
        {
            data, catalog, symbol, from, to, output, serverTime, digits, volume,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var instrument = InstrumentCatalog.Default.Get(r.GetValue(symbol)!);
            var (start, end) = (r.GetValue(from), r.GetValue(to));
            if (start >= end)
            {
                await Console.Error.WriteLineAsync($"error: --from {start:O} is not before --to {end:O}.");
                return 3;
            }
            var layout = new DataLayout(r.GetValue(data)!);
            await using var jdbc = await CommonOptions.OpenCatalogAsync(r.GetValue(catalog), layout, ct);
            using var tables = CommonOptions.LocalTables(jdbc, layout);
            return await Run(async () =>
            {
                var options = new Mt5TickExportOptions
                {
                    Instrument = instrument,
                    ServerTime = Mt5ServerTime.Parse(r.GetValue(serverTime)!),
                    Digits = r.GetValue(digits),
                    WriteQuoteVolume = r.GetValue(volume),
                };
                var summary = await Mt5TickExport.WriteAsync(SilverTickStream.ReadAsync(tables, instrument.Symbol, start, end, cancellationToken: ct), r.GetValue(output)!, options, ct);
                if (summary.Rows == 0)
                {
                    await Console.Error.WriteLineAsync($"warning: silver.ticks has no {instrument.Symbol} ticks in the range; the file holds the header only.");
                }
                r.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{instrument.Symbol}: {summary.Rows:N0} ticks{Range(summary)} (server time {options.ServerTime.Name}, {options.EffectiveDigits} digits) -> {r.GetValue(output)} (sha256 {summary.Sha256[..12]})"));
                return 0;
            });
        }));
        return command;
    }

    private static Command BuildExportSignals()
    {
        var input = new Option<string>("--in") { Description = "Signals as JSON: an array of TradeSignal objects, or one object per line.", Required = true };
        var output = new Option<string>("--out") { Description = "The signal file to write (CSV with a version line and a sha256 trailer).", Required = true };
        var symbol = new Option<string?>("--symbol") { Description = "The file's symbol (default: the signals' symbol; every signal must be for it)." };
        var serverTime = ServerTime();
        var command = new Command("export-signals", "Write trade signals as the CSV file TickSignalEA replays in the MT5 Strategy Tester, atomically.")
        {
            input, output, symbol, serverTime,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(() => Run(async () =>
        {
            var path = r.GetValue(input)!;
            if (!File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"error: {path} does not exist.");
                return 3;
            }
            var signals = ReadSignals(await File.ReadAllTextAsync(path, ct), path);
            var name = r.GetValue(symbol) ?? (signals.Count > 0 ? signals[0].Symbol : null);
            if (name is null)
            {
                await Console.Error.WriteLineAsync($"error: {path} holds no signals; give --symbol to write an empty file.");
                return 3;
            }
            var options = new Mt5SignalExportOptions { Symbol = name, ServerTime = Mt5ServerTime.Parse(r.GetValue(serverTime)!) };
            var summary = await Mt5SignalExport.WriteAsync(signals, r.GetValue(output)!, options, ct);
            r.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: {summary.Rows:N0} signals{Range(summary)} (server time {options.ServerTime.Name}) -> {r.GetValue(output)} (sha256 {summary.Sha256[..12]})"));
            return 0;
        })));
        return command;
    }

    /// <summary>Reads a JSON array of signals, or JSON Lines; a bad one is named by its position (and line).</summary>
    internal static List<TradeSignal> ReadSignals(string json, string source)
    {
        var signals = new List<TradeSignal>();
        if (json.TrimStart().StartsWith('['))
        {
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                throw new Mt5Exception(Mt5ErrorKind.MalformedFile, $"The signals are not valid JSON: {e.Message}", e) { File = source };
            }
            using (document)
            {
                var index = 0;
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    signals.Add(Signal(element.GetRawText(), source, $"signal [{index++}]", null));
                }
            }
            return signals;
        }
        var lines = json.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length > 0)
            {
                signals.Add(Signal(lines[i], source, $"signal on line {i + 1}", i + 1));
            }
        }
        return signals;
    }

    private static TradeSignal Signal(string json, string source, string where, long? line)
    {
        try
        {
            return TradeSignalJson.Deserialize(json);
        }
        catch (ModelingException e)
        {
            throw new Mt5Exception(Mt5ErrorKind.MalformedFile, $"The {where} is not a trade signal: {e.Message}", e) { File = source, Line = line };
        }
    }

    private static string Range(Mt5ExportSummary s) => s.FirstServerTime is { } first && s.LastServerTime is { } last
        ? string.Create(CultureInfo.InvariantCulture, $" {first:yyyy.MM.dd HH:mm:ss.fff} .. {last:yyyy.MM.dd HH:mm:ss.fff}")
        : "";

    private static async Task<int> Run(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Mt5Exception e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return e.Kind == Mt5ErrorKind.InvalidOptions ? 3 : 2;
        }
        catch (CatalogException e) when (e.Kind == CatalogErrorKind.TableNotFound)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message} Run pipeline process (or notebooks/03-process.ipynb) first.");
            return 3;
        }
    }
}

using System.CommandLine;
using Pipeline.Scripts.Output;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Dukascopy;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline ingest</c>: download into the raw zone and convert to Parquet.</summary>
internal static class IngestCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var source = new Option<FeedSource>("--source")
        {
            Description = "builtin (the simulated market on loopback, default), bi5 (legacy datafeed) or json (JSON API).",
            DefaultValueFactory = _ => FeedSource.BuiltIn,
        };
        var symbols = CommonOptions.Symbols("Instruments (default for builtin: EURUSD,USDJPY,XAUUSD).");
        var from = CommonOptions.Time("--from", "Start (inclusive).");
        var to = CommonOptions.Time("--to", "End (exclusive).");
        var baseUrl = new Option<Uri?>("--base-url")
        {
            Description = "Feed root: https://, http:// or file:// (default: Dukascopy's).",
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri))
                {
                    return uri;
                }
                r.AddError($"--base-url: '{text}' is not an absolute URL (e.g. https://datafeed.dukascopy.com/datafeed/ or file:///mnt/mirror/).");
                return null;
            },
        };
        var concurrency = new Option<int?>("--concurrency") { Description = "Requests in flight at once (default 4; 8 for builtin)." };
        var rate = new Option<double?>("--rate") { Description = "Request starts per second (default 10; unpaced for builtin)." };
        var noConvert = new Option<bool>("--no-convert") { Description = "Download only." };
        var force = new Option<bool>("--force") { Description = "Rewrite Parquet days even when up to date." };
        var candles = new Option<string?>("--candles")
        {
            Description = "Download candle files instead of ticks: m1 (a file per day), h1 (per month) or d1 (per year); stored raw, not converted.",
        };
        candles.AcceptOnlyFromAmong("m1", "h1", "d1");
        var side = new Option<PriceSide>("--side") { Description = "Candle side: bid (default) or ask.", DefaultValueFactory = _ => PriceSide.Bid };
        var simulation = new SimulationOptions();
        var command = new Command("ingest", "Stage 1: download ticks (built-in market by default) into the raw zone and convert them to Parquet.")
        {
            data, source, symbols, from, to, baseUrl, concurrency, rate, noConvert, force, candles, side,
        };
        foreach (var option in simulation.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = new IngestOptions
            {
                DataRoot = r.GetValue(data)!,
                Source = r.GetValue(source),
                Symbols = r.GetValue(symbols) is { Length: > 0 } s ? s : null,
                FromUtc = r.GetValue(from),
                ToUtc = r.GetValue(to),
                BaseUrl = r.GetValue(baseUrl),
                Convert = !r.GetValue(noConvert),
                ForceConvert = r.GetValue(force),
                Simulation = simulation.Read(r, r.GetValue(symbols), r.GetValue(from), r.GetValue(to)),
                Kind = r.GetValue(candles) switch
                {
                    "m1" => BucketKind.MinuteCandlesOfDay,
                    "h1" => BucketKind.HourCandlesOfMonth,
                    "d1" => BucketKind.DayCandlesOfYear,
                    _ => BucketKind.TickHour,
                },
                Side = r.GetValue(side),
            };
            var download = options.EffectiveDownload;
            if (r.GetValue(concurrency) is { } c)
            {
                download = download with { MaxConcurrency = c };
            }
            if (r.GetValue(rate) is { } perSecond)
            {
                download = download with { RequestsPerSecond = perSecond };
            }
            options = options with { Download = download };
            var summary = await ConsoleProgress.RunAsync(p => IngestJob.RunAsync(options, p, ConsoleLogging.Factory, ct));
            IngestSummaryPrinter.Print(summary);
            return summary.Download.Count(TickKernelExtensions.Ingest.Download.BucketState.Failed) > 0
                || summary.Download.Count(TickKernelExtensions.Ingest.Download.BucketState.Conflict) > 0
                || summary.Conversion?.Succeeded == false ? 1 : 0;
        }));
        return command;
    }
}

using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest;

/// <summary>
/// One ingest run: download instruments × a UTC range into the raw zone, then convert to tick Parquet.
/// With <see cref="FeedSource.BuiltIn"/> (the default) the built-in market is simulated into
/// <c>data/mirror/dukascopy</c> and served on 127.0.0.1, so the run takes exactly the path a real
/// download takes; symbols and range default to the simulation's.
/// </summary>
public sealed record IngestOptions
{
    /// <summary>The data root. Default <c>data</c>.</summary>
    public string DataRoot { get; init; } = "data";

    /// <summary>The feed. Default <see cref="FeedSource.BuiltIn"/>.</summary>
    public FeedSource Source { get; init; } = FeedSource.BuiltIn;

    /// <summary>Instruments; default: the simulation's (built-in), required otherwise.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Inclusive UTC start; default: the simulation's (built-in), required otherwise.</summary>
    public DateTime? FromUtc { get; init; }

    /// <summary>Exclusive UTC end; default: the simulation's (built-in), required otherwise.</summary>
    public DateTime? ToUtc { get; init; }

    /// <summary>The feed root for <see cref="FeedSource.Bi5"/> or <see cref="FeedSource.Json"/> (http, https or file); default: Dukascopy's.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>
    /// Download behaviour. Default: <see cref="DownloadOptions"/>' defaults for real feeds; for the built-in
    /// loopback mirror, pacing is off and eight requests run at once (nothing remote to be polite to).
    /// </summary>
    public DownloadOptions? Download { get; init; }

    /// <summary>The built-in market (ignored for real feeds). Default: three symbols, three weeks of March 2024, seed 42.</summary>
    public MarketSimulatorOptions Simulation { get; init; } = new();

    /// <summary>
    /// What to download: tick hours (default) or candle files — minute candles per day, hour candles per month,
    /// day candles per year. Candle files are stored in the raw zone but not converted (the built-in market
    /// serves ticks only).
    /// </summary>
    public BucketKind Kind { get; init; } = BucketKind.TickHour;

    /// <summary>The side of candle files. Default bid.</summary>
    public PriceSide Side { get; init; } = PriceSide.Bid;

    /// <summary>Convert the downloaded hours to Parquet. Default true (ticks only).</summary>
    public bool Convert { get; init; } = true;

    /// <summary>Rewrite Parquet days even when up to date. Default false.</summary>
    public bool ForceConvert { get; init; }

    /// <summary>The download options in effect for <see cref="Source"/>.</summary>
    public DownloadOptions EffectiveDownload => Download
        ?? (Source == FeedSource.BuiltIn ? new DownloadOptions { RequestsPerSecond = 0, MaxConcurrency = 8 } : new DownloadOptions());

    /// <summary>Throws <see cref="MarketDataException"/> listing every problem at once; resolves symbols.</summary>
    public IReadOnlyList<Instrument> Validate(InstrumentCatalog? catalog = null)
    {
        catalog ??= InstrumentCatalog.Default;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(DataRoot))
        {
            errors.Add("DataRoot must be set");
        }
        if (Source != FeedSource.BuiltIn)
        {
            if (Symbols is null || Symbols.Count == 0)
            {
                errors.Add("Symbols are required for a real feed (e.g. EURUSD,USDJPY)");
            }
            if (FromUtc is null || ToUtc is null)
            {
                errors.Add("FromUtc and ToUtc are required for a real feed");
            }
        }
        if (Source == FeedSource.BuiltIn && Kind != BucketKind.TickHour)
        {
            errors.Add("the built-in market serves tick hours only; candles need --source bi5 or json");
        }
        if (FromUtc is { } from && ToUtc is { } to && to <= from)
        {
            errors.Add($"the range is empty ({from:O} .. {to:O})");
        }
        var instruments = new List<Instrument>();
        foreach (var symbol in Symbols ?? Simulation.Symbols)
        {
            if (catalog.TryGet(symbol, out var instrument))
            {
                instruments.Add(instrument);
            }
            else
            {
                try
                {
                    catalog.Get(symbol);
                }
                catch (MarketDataException e)
                {
                    errors.Add(e.Message);
                }
            }
        }
        try
        {
            EffectiveDownload.Validate();
        }
        catch (MarketDataException e)
        {
            errors.Add(e.Message);
        }
        return errors.Count == 0
            ? instruments
            : throw new MarketDataException(MarketDataErrorKind.InvalidOptions, "Invalid ingest options: " + string.Join("; ", errors) + ".");
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>
/// Converts raw Dukascopy tick hours into the typed tick dataset, one Parquet file per symbol and UTC day
/// (<c>symbol=…/date=…/&lt;source&gt;.parquet</c>). Each day is its own transaction: the new file replaces
/// the old one atomically, or, if any raw hour is bad, nothing changes. Re-running is idempotent and
/// skips days whose Parquet file is newer than all their raw files (raw files are write-once, so a newly
/// fetched hour makes its day stale). Memory is bounded by one day of one symbol per worker.
/// </summary>
public sealed partial class RawTickConverter
{
    private readonly IDukascopyFeed _feed;
    private readonly RawZone _raw;
    private readonly TickParquetDataset _dataset;
    private readonly ConvertOptions _options;
    private readonly ILogger _logger;

    public RawTickConverter(IDukascopyFeed feed, RawZone raw, TickParquetDataset dataset, ConvertOptions? options = null, ILogger? logger = null)
    {
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _raw = raw ?? throw new ArgumentNullException(nameof(raw));
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _options = (options ?? new ConvertOptions()).Validate();
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Converts every UTC day overlapping <c>[fromUtc, toUtc)</c> for each instrument.</summary>
    public async Task<ConversionReport> ConvertAsync(
        IReadOnlyList<Instrument> instruments, DateTime fromUtc, DateTime toUtc,
        IProgress<ConversionProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instruments);
        var started = TimeProvider.System.GetTimestamp();
        var days = instruments
            .SelectMany(i => DukascopyBucket.Plan(i, BucketKind.MinuteCandlesOfDay, fromUtc, toUtc).Select(d => (i, d.StartUtc)))
            .ToList();
        var results = new DayConversion[days.Count];
        var done = 0;
        long ticks = 0;
        await Parallel.ForEachAsync(
            Enumerable.Range(0, days.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxParallelDays, CancellationToken = cancellationToken },
            async (index, ct) =>
            {
                var (instrument, day) = days[index];
                var result = await ConvertDayAsync(instrument, day, ct);
                results[index] = result;
                var total = Interlocked.Add(ref ticks, result.Ticks);
                progress?.Report(new ConversionProgress(days.Count, Interlocked.Increment(ref done), total, $"{instrument.Symbol} {result.Date:yyyy-MM-dd}"));
            });
        var report = new ConversionReport(results, TimeProvider.System.GetElapsedTime(started));
        LogDone(_logger, report.Count(DayState.Converted), report.Count(DayState.UpToDate), report.Ticks, report.Bytes, report.Count(DayState.Failed));
        return report;
    }

    private async Task<DayConversion> ConvertDayAsync(Instrument instrument, DateTime dayUtc, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(dayUtc);
        var hours = DukascopyBucket.Plan(instrument, BucketKind.TickHour, dayUtc, dayUtc.AddDays(1))
            .Select(b => (Bucket: b, Path: _raw.PathOf(_feed.SourceName, _feed.RawPathOf(b))))
            .Where(h => File.Exists(h.Path))
            .ToList();
        if (hours.Count == 0)
        {
            return new DayConversion(instrument.Symbol, date, DayState.NoData, 0, 0, 0, 0);
        }
        var target = _dataset.FileOf(instrument.Symbol, date, _feed.SourceName);
        if (!_options.Force && File.Exists(target)
            && hours.All(h => File.GetLastWriteTimeUtc(h.Path) <= File.GetLastWriteTimeUtc(target)))
        {
            return new DayConversion(instrument.Symbol, date, DayState.UpToDate, hours.Count, 0, 0, 0);
        }
        var ticks = new TickColumns(64 * 1024);
        var validator = new TickValidator(instrument, _options.Validation);
        string? current = null;
        try
        {
            foreach (var (bucket, path) in hours)
            {
                current = path;
                var bytes = await File.ReadAllBytesAsync(path, ct);
                var start = ticks.Count;
                _feed.DecodeTicks(bucket, bytes, ticks);
                for (var i = start; i < ticks.Count; i++)
                {
                    if (validator.Check(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i]) is { } v)
                    {
                        throw new MarketDataException(MarketDataErrorKind.InvalidTick, $"tick {i - start} of the hour: {v.Description}")
                        {
                            File = path, Field = v.Field, Expected = v.Expected, Actual = v.Actual,
                        };
                    }
                }
            }
            current = null;
            if (ticks.Count == 0)
            {
                return new DayConversion(instrument.Symbol, date, DayState.NoData, hours.Count, 0, 0, 0);
            }
            await using var writer = _dataset.BeginWrite(_feed.SourceName);
            await writer.AppendAsync(instrument.Symbol, ticks, ct);
            var commit = await writer.CommitAsync(ct);
            return new DayConversion(instrument.Symbol, date, DayState.Converted, hours.Count, ticks.Count,
                commit.Files.Sum(f => f.Bytes), validator.CrossedKept);
        }
        catch (MarketDataException e)
        {
            var error = current is null || e.File is not null ? e.Message : e.At(current).Message;
            LogFailed(_logger, instrument.Symbol, date, error);
            return new DayConversion(instrument.Symbol, date, DayState.Failed, hours.Count, 0, 0, 0, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Conversion done: {Converted} days written, {UpToDate} up to date, {Ticks} ticks, {Bytes} bytes, {Failed} failed")]
    private static partial void LogDone(ILogger logger, int converted, int upToDate, long ticks, long bytes, int failed);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Symbol} {Date}: conversion failed, previous Parquet kept: {Error}")]
    private static partial void LogFailed(ILogger logger, string symbol, DateOnly date, string error);
}

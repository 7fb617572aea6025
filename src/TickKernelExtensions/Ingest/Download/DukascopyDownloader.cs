using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// Downloads Dukascopy buckets into the raw zone, from either feed, with bounded concurrency, pacing,
/// and bounded retries (exponential backoff with full jitter) on 5xx, timeouts, truncated or corrupt
/// payloads and HTML pages. An empty body inside trading hours is re-checked and recorded as suspect,
/// never as final; buckets that have not settled are never fetched. Resumable: buckets already stored
/// (or known closed) are skipped, everything missing or suspect is fetched again. Bad bytes are never
/// stored. Thread safe; one run at a time per raw-zone source is expected.
/// </summary>
public sealed partial class DukascopyDownloader
{
    private readonly IDukascopyFeed _feed;
    private readonly RawZone _raw;
    private readonly DownloadOptions _options;
    private readonly IFeedTransport _transport;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetryPolicy _retry;

    /// <param name="feed">Which feed and base URL.</param>
    /// <param name="raw">Where bytes go.</param>
    /// <param name="options">Behaviour; validated here.</param>
    /// <param name="transport">How URLs are fetched (default: <see cref="FeedTransport"/>, which the caller then does not own).</param>
    /// <param name="time">The clock for pacing, backoff, timeouts and the settle rule (default: system).</param>
    /// <param name="logger">Structured events (default: none).</param>
    public DukascopyDownloader(
        IDukascopyFeed feed, RawZone raw, DownloadOptions? options = null, IFeedTransport? transport = null,
        TimeProvider? time = null, ILogger? logger = null)
    {
        _feed = feed ?? throw new ArgumentNullException(nameof(feed));
        _raw = raw ?? throw new ArgumentNullException(nameof(raw));
        _options = (options ?? new DownloadOptions()).Validate();
        _transport = transport ?? SharedTransport.Value;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _retry = new RetryPolicy(_options);
    }

    private static Lazy<FeedTransport> SharedTransport { get; } = new(() => new FeedTransport());

    /// <summary>Downloads every bucket of <paramref name="request"/> and reports each outcome and the gaps.</summary>
    public async Task<DownloadReport> DownloadAsync(
        DownloadRequest request, IProgress<DownloadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        var started = _time.GetTimestamp();
        var buckets = request.Buckets().ToList();
        var latest = _raw.Manifest(_feed.SourceName).Latest();
        var run = new RunState(buckets.Count, progress, new RequestPacer(_options.RequestsPerSecond, _time));
        var outcomes = new BucketOutcome[buckets.Count];
        LogStart(_logger, buckets.Count, _feed.SourceName, _feed.BaseUri);

        await Parallel.ForEachAsync(
            Enumerable.Range(0, buckets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrency, CancellationToken = cancellationToken },
            async (i, ct) =>
            {
                var outcome = await ProcessAsync(buckets[i], latest, run, ct);
                outcomes[i] = outcome;
                run.Done(outcome);
            });

        var gaps = GapReport.Build(_feed, _raw, request, _time, _options.SettleDelay);
        var report = new DownloadReport(outcomes, run.Requests, run.Bytes, _time.GetElapsedTime(started), gaps);
        LogDone(_logger, report.Count(BucketState.Stored), report.Count(BucketState.AlreadyPresent), run.Requests, run.Bytes,
            report.Outcomes.Count(o => o.State is BucketState.Failed or BucketState.NotFound or BucketState.EmptySuspect or BucketState.Conflict));
        return report;
    }

    private async Task<BucketOutcome> ProcessAsync(
        DukascopyBucket bucket, IReadOnlyDictionary<string, RawManifestEntry> latest, RunState run, CancellationToken ct)
    {
        var path = _feed.RawPathOf(bucket);
        if (bucket.EndUtc + _options.SettleDelay > _time.GetUtcNow().UtcDateTime)
        {
            return new BucketOutcome(bucket, BucketState.Provisional, 0, null, 0, 0, "bucket has not ended and settled yet");
        }
        if (_raw.Contains(_feed.SourceName, path))
        {
            return new BucketOutcome(bucket, BucketState.AlreadyPresent, 0, null, 0, 0, "in the raw zone");
        }
        if (latest.TryGetValue(path, out var known) && known.Verdict == RawVerdict.EmptyClosed)
        {
            return new BucketOutcome(bucket, BucketState.AlreadyPresent, 0, known.HttpStatus, 0, 0, "known closed");
        }
        return await FetchAsync(bucket, path, run, ct);
    }

    private sealed class RunState(int total, IProgress<DownloadProgress>? progress, RequestPacer pacer)
    {
        private int _done;
        private int _stored;
        private int _skipped;
        private int _problems;
        private int _requests;
        private long _bytes;

        public RequestPacer Pacer { get; } = pacer;

        public int Requests => Volatile.Read(ref _requests);

        public long Bytes => Interlocked.Read(ref _bytes);

        public void Requested(long bytes)
        {
            Interlocked.Increment(ref _requests);
            Interlocked.Add(ref _bytes, bytes);
        }

        public void Done(BucketOutcome outcome)
        {
            switch (outcome.State)
            {
                case BucketState.Stored: Interlocked.Increment(ref _stored); break;
                case BucketState.AlreadyPresent or BucketState.Provisional or BucketState.ExpectedClosed: Interlocked.Increment(ref _skipped); break;
                default: Interlocked.Increment(ref _problems); break;
            }
            var done = Interlocked.Increment(ref _done);
            progress?.Report(new DownloadProgress(total, done, Volatile.Read(ref _stored), Volatile.Read(ref _skipped),
                Volatile.Read(ref _problems), Bytes, outcome.Bucket.ToString()));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading {Buckets} buckets from {Source} at {BaseUri}")]
    private static partial void LogStart(ILogger logger, int buckets, string source, Uri baseUri);

    [LoggerMessage(Level = LogLevel.Information, Message = "Download done: {Stored} stored, {Present} already present, {Requests} requests, {Bytes} bytes, {Problems} problems")]
    private static partial void LogDone(ILogger logger, int stored, int present, int requests, long bytes, int problems);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Bucket}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string bucket, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Bucket}: {State} after {Attempts} attempts: {Detail}")]
    private static partial void LogGiveUp(ILogger logger, string bucket, BucketState state, int attempts, string? detail);
}

using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Mirror;
using TickKernelExtensions.Ingest.Raw;
using static TickKernelExtensions.Tests.Ingest.Download.MirrorFixture;

namespace TickKernelExtensions.Tests.Ingest.Download;

public sealed class DukascopyDownloaderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DownloadAsync_HealthyMirror_StoresEveryHourByteForByte()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(1)).WithHour(Monday.AddHours(2)).Serve();

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 3), cancellationToken: Ct);

        Assert.Equal(3, report.Count(BucketState.Stored));
        Assert.True(report.Complete);
        Assert.All(report.Outcomes, o => Assert.Equal(3733, o.Records));
        var raw = m.Raw();
        Assert.Equal(m.Fixture, File.ReadAllBytes(raw.PathOf(Bi5Feed.Source, Bucket(Monday.AddHours(1)).Bi5Path)));
        var gaps = Assert.Single(report.Gaps);
        Assert.Equal(3, gaps.WithData);
        Assert.Empty(gaps.Missing);
    }

    [Fact]
    public async Task DownloadAsync_503Burst_RetriesThenStores()
    {
        await using var m = new MirrorFixture().WithHour(Monday)
            .Serve(r => r.Attempt <= 2 ? new MirrorFault.Status(503, "Service Unavailable") : null);

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.Stored, outcome.State);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, m.Server.RequestCount);
    }

    [Fact]
    public async Task DownloadAsync_Persistent503_GivesUpAtMaxAttemptsAndReportsMissing()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(1))
            .Serve(r => r.Path.EndsWith("01h_ticks.bi5", StringComparison.Ordinal) ? new MirrorFault.Status(503) : null);

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 2), cancellationToken: Ct);

        var failed = Assert.Single(report.Outcomes, o => o.State == BucketState.Failed);
        Assert.Equal(Monday.AddHours(1), failed.Bucket.StartUtc);
        Assert.Equal(Fast.MaxAttempts, failed.Attempts);
        Assert.Equal(Fast.MaxAttempts, m.Server.Attempts[Bucket(Monday.AddHours(1)).Bi5Path]);
        Assert.Contains("HTTP 503", failed.Detail, StringComparison.Ordinal);
        Assert.False(m.Raw().Contains(Bi5Feed.Source, failed.Bucket.Bi5Path));
        var missing = Assert.Single(Assert.Single(report.Gaps).Missing);
        Assert.Equal(Monday.AddHours(1), missing.FromUtc);
        Assert.False(report.Complete);
    }

    [Fact]
    public async Task DownloadAsync_EmptyBodyInTradingHours_RecheckedAndNeverFinal()
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(_ => new MirrorFault.EmptyBody());

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.EmptySuspect, outcome.State);
        Assert.Equal(1 + Fast.EmptyRechecks, outcome.Attempts);
        Assert.False(m.Raw().Contains(Bi5Feed.Source, outcome.Bucket.Bi5Path));
        Assert.Equal(RawVerdict.EmptySuspect, m.Raw().Manifest(Bi5Feed.Source).Latest()[outcome.Bucket.Bi5Path].Verdict);
        Assert.Equal(1, Assert.Single(report.Gaps).SuspectBuckets);

        // A later run asks again: a suspect empty is never treated as final.
        var again = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);
        Assert.Equal(BucketState.EmptySuspect, Assert.Single(again.Outcomes).State);
        Assert.Equal(2 * (1 + Fast.EmptyRechecks), m.Server.RequestCount);
    }

    [Fact]
    public async Task DownloadAsync_EmptyThenData_StoresTheData()
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(r => r.Attempt == 1 ? new MirrorFault.EmptyBody() : null);

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        Assert.Equal(BucketState.Stored, Assert.Single(report.Outcomes).State);
    }

    [Fact]
    public async Task DownloadAsync_EmptyWeekendHour_IsFinalWithoutRecheck()
    {
        await using var m = new MirrorFixture().WithHour(Saturday, []).Serve();

        var report = await m.Downloader().DownloadAsync(Hours(Saturday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.ExpectedClosed, outcome.State);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal(1, Assert.Single(report.Gaps).ExpectedClosed);

        var again = await m.Downloader().DownloadAsync(Hours(Saturday, 1), cancellationToken: Ct);
        Assert.Equal(BucketState.AlreadyPresent, Assert.Single(again.Outcomes).State);
        Assert.Equal(1, m.Server.RequestCount);
    }

    [Theory]
    [InlineData(1000, false)]
    [InlineData(5000, true)]
    [InlineData(13, false)]
    public async Task DownloadAsync_TruncatedLzma_RetriedAndNeverStored(int keep, bool declareFullLength)
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(_ => new MirrorFault.Truncate(keep, declareFullLength));

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.Failed, outcome.State);
        Assert.Equal(Fast.MaxAttempts, outcome.Attempts);
        Assert.False(m.Raw().Contains(Bi5Feed.Source, outcome.Bucket.Bi5Path));
    }

    [Fact]
    public async Task DownloadAsync_TruncatedOnce_StoresTheWholeFile()
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(r => r.Attempt == 1 ? new MirrorFault.Truncate(2000) : null);

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        Assert.Equal(BucketState.Stored, Assert.Single(report.Outcomes).State);
        Assert.Equal(m.Fixture, File.ReadAllBytes(m.Raw().PathOf(Bi5Feed.Source, Bucket(Monday).Bi5Path)));
    }

    [Fact]
    public async Task DownloadAsync_HtmlInsteadOfBi5_NeverStored()
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(_ => new MirrorFault.Html());

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.Failed, outcome.State);
        Assert.Contains("HTML", outcome.Detail, StringComparison.Ordinal);
        Assert.False(m.Raw().Contains(Bi5Feed.Source, outcome.Bucket.Bi5Path));
    }

    [Fact]
    public async Task DownloadAsync_StalledConnection_TimesOutAndRetries()
    {
        await using var m = new MirrorFixture().WithHour(Monday)
            .Serve(r => r.Attempt == 1 ? new MirrorFault.Stall(TimeSpan.FromMinutes(5)) : null);
        var options = Fast with { RequestTimeout = TimeSpan.FromMilliseconds(300) };

        var report = await m.Downloader(options).DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.Stored, outcome.State);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task DownloadAsync_DroppedConnection_Retries()
    {
        await using var m = new MirrorFixture().WithHour(Monday).Serve(r => r.Attempt == 1 ? new MirrorFault.Drop() : null);

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 1), cancellationToken: Ct);

        Assert.Equal(BucketState.Stored, Assert.Single(report.Outcomes).State);
    }

    [Fact]
    public async Task DownloadAsync_MissingFile_NotFoundAndNamedInGapReport()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(2)).Serve();

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 3), cancellationToken: Ct);

        var notFound = Assert.Single(report.Outcomes, o => o.State == BucketState.NotFound);
        Assert.Equal(1, notFound.Attempts);
        var gap = Assert.Single(Assert.Single(report.Gaps).Missing);
        Assert.Equal((Monday.AddHours(1), Monday.AddHours(2), "not found"), (gap.FromUtc, gap.ToUtc, gap.Reason));
    }

    [Fact]
    public async Task DownloadAsync_Rerun_FetchesOnlyWhatIsMissing()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(2)).Serve();
        await m.Downloader().DownloadAsync(Hours(Monday, 3), cancellationToken: Ct);
        m.WithHour(Monday.AddHours(1));
        var before = m.Server.RequestCount;

        var report = await m.Downloader().DownloadAsync(Hours(Monday, 3), cancellationToken: Ct);

        Assert.Equal(1, m.Server.RequestCount - before);
        Assert.Equal([BucketState.AlreadyPresent, BucketState.Stored, BucketState.AlreadyPresent], report.Outcomes.Select(o => o.State));
        Assert.True(report.Complete);
    }

    [Fact]
    public async Task DownloadAsync_CurrentHour_IsProvisionalAndNotFetched()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(1)).Serve();
        var now = new FakeTimeProvider(new DateTimeOffset(Monday.AddHours(1).AddMinutes(30)));

        var report = await m.Downloader(time: now).DownloadAsync(Hours(Monday, 2), cancellationToken: Ct);

        // Hour 0 ended 30 minutes ago (not settled: 1 h by default); hour 1 is the current hour.
        Assert.All(report.Outcomes, o => Assert.Equal(BucketState.Provisional, o.State));
        Assert.Equal(0, m.Server.RequestCount);
    }

    [Fact]
    public async Task DownloadAsync_ManyBuckets_NeverExceedsMaxConcurrency()
    {
        var m = new MirrorFixture();
        await using var _ = m;
        for (var h = 0; h < 16; h++)
        {
            m.WithHour(Monday.AddHours(h));
        }
        var inFlight = 0;
        var peak = 0;
        m.Serve(_ =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref peak, now);
            Thread.Sleep(20);
            Interlocked.Decrement(ref inFlight);
            return null;
        });

        var report = await m.Downloader(Fast with { MaxConcurrency = 3 }).DownloadAsync(Hours(Monday, 16), cancellationToken: Ct);

        Assert.Equal(16, report.Count(BucketState.Stored));
        Assert.InRange(peak, 1, 3);
    }

    [Fact]
    public async Task DownloadAsync_FileUrlMirror_Works()
    {
        await using var m = new MirrorFixture().WithHour(Monday);
        var feed = new Bi5Feed(new Uri(m.MirrorRoot + "/"));
        var downloader = new DukascopyDownloader(feed, m.Raw(), Fast);

        var report = await downloader.DownloadAsync(Hours(Monday, 2), cancellationToken: Ct);

        Assert.Equal([BucketState.Stored, BucketState.NotFound], report.Outcomes.Select(o => o.State));
    }

    [Fact]
    public async Task DownloadAsync_ProgressReportsEveryBucket()
    {
        await using var m = new MirrorFixture().WithHour(Monday).WithHour(Monday.AddHours(1)).Serve();
        var seen = new List<DownloadProgress>();
        var progress = new SynchronousProgress<DownloadProgress>(seen.Add);

        await m.Downloader().DownloadAsync(Hours(Monday, 2), progress, Ct);

        Assert.Equal(2, seen.Count);
        Assert.Equal(2, seen.Max(p => p.Done));
        Assert.All(seen, p => Assert.Equal(2, p.Total));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        private readonly Lock _gate = new();

        public void Report(T value)
        {
            lock (_gate)
            {
                report(value);
            }
        }
    }
}

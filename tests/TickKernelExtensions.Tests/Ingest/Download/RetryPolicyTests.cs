using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Download;

public sealed class RetryPolicyTests
{
    private static readonly DownloadOptions Options = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(500), MaxDelay = TimeSpan.FromSeconds(30), JitterSeed = 1,
    };

    [Fact]
    public void Ceiling_DoublesPerAttemptUpToMaxDelay()
    {
        var policy = new RetryPolicy(Options);

        Assert.Equal(
            [0.5, 1, 2, 4, 8, 16, 30, 30],
            Enumerable.Range(1, 8).Select(a => policy.Ceiling(a).TotalSeconds));
    }

    [Fact]
    public void Delay_IsJitteredWithinCeiling()
    {
        var policy = new RetryPolicy(Options);

        var delays = Enumerable.Range(0, 500).Select(_ => policy.Delay(4)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(4)));
        Assert.True(delays.Distinct().Count() > 100, "full jitter spreads the delays");
    }

    [Fact]
    public void Delay_RetryAfterRaisesButIsCapped()
    {
        var policy = new RetryPolicy(Options);

        Assert.True(policy.Delay(1, TimeSpan.FromSeconds(5)) >= TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(30), policy.Delay(1, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Validate_ManyBadFields_ReportsAllAtOnce()
    {
        var bad = new DownloadOptions { MaxConcurrency = 0, MaxAttempts = 0, RequestTimeout = TimeSpan.Zero, EmptyRechecks = -1 };

        var e = Assert.Throws<MarketDataException>(() => bad.Validate());

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        foreach (var field in new[] { "MaxConcurrency", "MaxAttempts", "RequestTimeout", "EmptyRechecks" })
        {
            Assert.Contains(field, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RequestPacer_SpacesStartsEvenly()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new RequestPacer(10, time);

        var first = pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);
        var third = pacer.WaitAsync(CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await third;
    }
}

using TickKernelExtensions.Replication;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Replication;

public sealed class RetryPolicyTests
{
    private static readonly ReplicationOptions Options = new()
    {
        MaxAttempts = 4,
        RetryBaseDelay = TimeSpan.Zero,
        RetryMaxDelay = TimeSpan.Zero,
    };

    [Fact]
    public void Delay_ExponentialCeilingWithFullJitter_NeverAboveMax()
    {
        var policy = new RetryPolicy(new ReplicationOptions { RetryBaseDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(700) }, (_, _, _) => { });

        for (var attempt = 1; attempt <= 8; attempt++)
        {
            var ceiling = TimeSpan.FromMilliseconds(Math.Min(700, 100 * (1 << (attempt - 1))));
            for (var i = 0; i < 200; i++)
            {
                Assert.InRange(policy.Delay(attempt), TimeSpan.Zero, ceiling);
            }
        }
    }

    [Fact]
    public async Task Execute_TransientThenSuccess_RetriedAndEachRetryReported()
    {
        var retries = new List<int>();
        var policy = new RetryPolicy(Options, (_, attempt, _) => retries.Add(attempt));
        var calls = 0;

        var result = await policy.ExecuteAsync("op", _ => ++calls < 3
            ? throw new ObjectStoreException(ObjectStoreErrorKind.Transient, "503")
            : Task.FromResult(calls), TestContext.Current.CancellationToken);

        Assert.Equal(3, result);
        Assert.Equal([1, 2], retries);
    }

    [Fact]
    public async Task Execute_TransientEveryTime_GivesUpAfterMaxAttempts()
    {
        var calls = 0;
        var policy = new RetryPolicy(Options, (_, _, _) => { });

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => policy.ExecuteAsync<int>("op", _ =>
        {
            calls++;
            throw new ObjectStoreException(ObjectStoreErrorKind.Transient, "500");
        }, TestContext.Current.CancellationToken));

        Assert.Equal(4, calls);
        Assert.True(e.IsTransient);
    }

    [Theory]
    [InlineData(ObjectStoreErrorKind.AccessDenied)]
    [InlineData(ObjectStoreErrorKind.BucketNotFound)]
    [InlineData(ObjectStoreErrorKind.IntegrityMismatch)]
    public async Task Execute_PermanentError_NotRetried(ObjectStoreErrorKind kind)
    {
        var calls = 0;
        var policy = new RetryPolicy(Options, (_, _, _) => { });

        await Assert.ThrowsAsync<ObjectStoreException>(() => policy.ExecuteAsync<int>("op", _ =>
        {
            calls++;
            throw new ObjectStoreException(kind, "no");
        }, TestContext.Current.CancellationToken));

        Assert.Equal(1, calls);
    }
}

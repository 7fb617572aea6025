using TickKernelExtensions.Replication;

namespace TickKernelExtensions.Tests.Replication;

public sealed class ByteBudgetTests
{
    [Fact]
    public async Task Acquire_ManyConcurrentHolders_NeverAboveCapacity()
    {
        var budget = new ByteBudget(1000);
        var held = 0L;
        var maxSeen = 0L;
        var gate = new Lock();

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            var bytes = 100 + (i * 37 % 400);
            await budget.AcquireAsync(bytes, TestContext.Current.CancellationToken);
            lock (gate)
            {
                held += bytes;
                maxSeen = Math.Max(maxSeen, held);
            }
            await Task.Yield();
            lock (gate)
            {
                held -= bytes;
            }
            budget.Release(bytes);
        }, TestContext.Current.CancellationToken)));

        Assert.InRange(maxSeen, 100, 1000);
        Assert.InRange(budget.Peak, 100, 1000);
    }

    [Fact]
    public async Task Acquire_LargerThanCapacity_ClampedAndProceedsAlone()
    {
        var budget = new ByteBudget(1000);

        await budget.AcquireAsync(5000, TestContext.Current.CancellationToken);
        var second = budget.AcquireAsync(1, TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted);
        budget.Release(5000);
        await second;
        Assert.Equal(1000, budget.Peak);
    }

    [Fact]
    public async Task Acquire_CancelledWhileWaiting_ThrowsAndLetsOthersIn()
    {
        var budget = new ByteBudget(100);
        await budget.AcquireAsync(100, TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();
        var waiting = budget.AcquireAsync(50, cancel.Token);

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        budget.Release(100);
        await budget.AcquireAsync(100, TestContext.Current.CancellationToken);
    }
}

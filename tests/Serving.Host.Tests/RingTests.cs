namespace Serving.Host.Tests;

/// <summary>The dashboard's lock-free rings: under concurrent writers they keep the newest entries, in order.</summary>
public sealed class RingTests
{
    [Fact]
    public void RecentSignals_ManyWritersAtOnce_KeepTheNewestFiftyNewestFirst()
    {
        var recent = new RecentSignals();
        Parallel.For(0, 4, w =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                recent.Add(new SignalEvent($"{w}-{i}", "{}"));
            }
        });
        recent.Add(new SignalEvent("last", "{}"));

        var newest = recent.NewestFirst();
        Assert.Equal(RecentSignals.Capacity, newest.Count);
        Assert.Equal("last", newest[0].Id);
        Assert.Equal(newest.Count, newest.Select(e => e.Id).Distinct().Count());
        // Each writer's own signals appear in the order it added them.
        foreach (var writer in newest.Skip(1).GroupBy(e => e.Id.Split('-')[0]))
        {
            var order = writer.Select(e => int.Parse(e.Id.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            Assert.Equal(order.OrderDescending(), order);
        }
    }

    [Fact]
    public void LatencyWindow_ManyWritersAtOnce_HoldsTheLastThousandAndTheirPercentiles()
    {
        var window = new LatencyWindow();
        Assert.Equal((0, 0.0, 0.0), window.Summary());
        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 2_000; i++)
            {
                window.Add(TimeSpan.FromMicroseconds(100));
            }
        });

        var (count, p50, p99) = window.Summary();
        Assert.Equal(LatencyWindow.Capacity, count);
        Assert.Equal(100, p50, 6);
        Assert.Equal(100, p99, 6);
    }
}

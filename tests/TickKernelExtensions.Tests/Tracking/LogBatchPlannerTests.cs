using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

public sealed class LogBatchPlannerTests
{
    private static List<Metric> Metrics(int n) => Enumerable.Range(0, n).Select(i => new Metric("m", i, 1, i)).ToList();

    [Fact]
    public void Plan_2500Metrics_ThreeBatches1000_1000_500()
    {
        var batches = LogBatchPlanner.Plan(Metrics(2500), [], []);

        Assert.Equal([1000, 1000, 500], batches.Select(b => b.Metrics.Count));
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => (long)i), batches.SelectMany(b => b.Metrics).Select(m => m.Step));
    }

    [Fact]
    public void Plan_Mixed_EachBatchWithinEveryLimitNothingLost()
    {
        var ps = Enumerable.Range(0, 250).Select(i => new Param($"p{i}", "v")).ToList();
        var ts = Enumerable.Range(0, 130).Select(i => new RunTag($"t{i}", "v")).ToList();

        var batches = LogBatchPlanner.Plan(Metrics(1900), ps, ts);

        Assert.All(batches, b =>
        {
            Assert.InRange(b.Params.Count, 0, 100);
            Assert.InRange(b.Tags.Count, 0, 100);
            Assert.InRange(b.Metrics.Count, 0, 1000);
            Assert.InRange(b.Params.Count + b.Tags.Count + b.Metrics.Count, 1, 1000);
        });
        Assert.Equal(ps, batches.SelectMany(b => b.Params));
        Assert.Equal(ts, batches.SelectMany(b => b.Tags));
        Assert.Equal(1900, batches.Sum(b => b.Metrics.Count));
        Assert.Equal(3, batches.Count);
    }

    [Fact]
    public void Plan_LongTagValues_SplitUnderOneMegabyte()
    {
        var ts = Enumerable.Range(0, 100).Select(i => new RunTag($"t{i}", new string('x', 8000))).ToList();

        var batches = LogBatchPlanner.Plan([], [], ts);

        Assert.True(batches.Count > 1);
        Assert.All(batches, b => Assert.True(b.Tags.Sum(t => t.Value.Length + t.Key.Length) < 1_000_000));
        Assert.Equal(100, batches.Sum(b => b.Tags.Count));
    }

    [Fact]
    public void Plan_Nothing_NoBatch() => Assert.Empty(LogBatchPlanner.Plan([], [], []));
}

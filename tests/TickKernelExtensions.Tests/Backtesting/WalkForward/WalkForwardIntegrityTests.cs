using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Tests.Modeling.Training;

namespace TickKernelExtensions.Tests.Backtesting.WalkForward;

/// <summary>
/// The whole walk-forward loop (retrain per fold through the training API, trade the next window tick by tick with
/// the fold's bundle in the loop, stitch) on the built-in markets, three simulated EURUSD weeks each. On a pure random
/// walk nothing can be learnt, so before costs the out-of-sample trades must be noise around zero and after costs
/// (spread, commission, latency) clearly below it; on the planted-edge market the same loop must make money out of
/// sample. The "noise band" is that of a Sharpe ratio estimated from n independent trades: under "no edge" the
/// per-trade Sharpe's standard error is about 1 / √n (Lo 2002, with SR ≈ 0), so t = SR·√n is about standard normal
/// and |t| &lt; 3 holds with probability 0.997.
/// </summary>
public sealed class WalkForwardIntegrityTests(ITestOutputHelper output)
{
    private const double Band = 3;

    [Fact]
    public async Task RandomWalk_OutOfSample_IsNoiseBeforeCosts_AndBelowTheBandAfterThem()
    {
        var result = await RunAsync(SimulationMode.RandomWalk);
        var (gross, net, n) = TradeSharpeT(result.Trades);
        output.WriteLine($"random walk: {n} trades, t(gross) = {gross:0.00}, t(net) = {net:0.00}; stitched return {result.OutOfSample.TotalReturn:P2}, before costs {result.OutOfSampleBeforeCosts.TotalReturn:P2}");

        Assert.True(n >= 200, $"only {n} trades: too few to say anything");
        Assert.InRange(gross, -Band, Band);
        Assert.True(net < -Band, $"after costs t = {net:0.00}, expected below −{Band}");
        Assert.True(result.OutOfSample.TotalReturn < result.OutOfSampleBeforeCosts.TotalReturn);
    }

    [Fact]
    public async Task PlantedEdge_OutOfSample_IsAboveTheBandAfterCosts()
    {
        var result = await RunAsync(SimulationMode.PlantedEdge);
        var (gross, net, n) = TradeSharpeT(result.Trades);
        output.WriteLine($"planted edge: {n} trades, t(gross) = {gross:0.00}, t(net) = {net:0.00}; stitched return {result.OutOfSample.TotalReturn:P2}, before costs {result.OutOfSampleBeforeCosts.TotalReturn:P2}");

        Assert.True(n >= 200, $"only {n} trades: too few to say anything");
        Assert.True(gross > Band, $"before costs t = {gross:0.00}, expected above {Band}");
        Assert.True(net > Band, $"after costs t = {net:0.00}, expected above {Band}");
        Assert.True(result.OutOfSample.TotalReturn > 0, $"stitched out-of-sample return {result.OutOfSample.TotalReturn:P2}");
        Assert.All(result.Folds, f => Assert.True(f.Scored > 0, $"fold {f.Fold.Index} scored no bar"));
    }

    [Fact]
    public async Task RunAsync_AFoldWhoseTradingWindowHasNoTicks_IsLeftOutAndSaidSo()
    {
        // The planted-edge week without Wednesday 10 January and the first hour of Thursday (a holiday): train two
        // days, trade one after a 5-minute gap, so the folds trade Wednesday 00:05 to Thursday 00:05 (empty, left out),
        // then Thursday and Friday.
        var week = TrainingTestData.PlantedEdge.Ticks;
        var holiday = (Start: TickTime.ToMicros(new DateTime(2024, 1, 10, 0, 0, 0, DateTimeKind.Utc)), End: TickTime.ToMicros(new DateTime(2024, 1, 11, 1, 0, 0, DateTimeKind.Utc)));
        var ticks = new TickColumns(week.Count);
        ticks.AddRange(WalkForwardSlices.Ticks(week, long.MinValue, holiday.Start), 0, WalkForwardSlices.Ticks(week, long.MinValue, holiday.Start).Count);
        var after = WalkForwardSlices.Ticks(week, holiday.End, long.MaxValue);
        ticks.AddRange(after, 0, after.Count);
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var features = TrainingTestData.Features(bars, TrainingTestData.Definition);
        using var root = new TempDirectory();
        var said = new List<string>();

        var result = await WalkForwardBacktest.RunAsync("EURUSD", ticks, features, Options(root.Path) with
        {
            Folds = new WalkForwardOptions { TrainWindow = TimeSpan.FromDays(2), TestWindow = TimeSpan.FromDays(1), Gap = TimeSpan.FromMinutes(5) },
        }, new Progress(said), TestContext.Current.CancellationToken);

        Assert.Equal([1, 2], result.Folds.Select(f => f.Fold.Index));
        Assert.Equal([0], result.LeftOut.Select(f => f.Index));
        Assert.Contains(said, s => s.StartsWith("walk-forward: fold 0:", StringComparison.Ordinal) && s.EndsWith("has no ticks in its trading window (market closed); left out", StringComparison.Ordinal));
        Assert.All(result.Trades, t => Assert.False(t.EntryTime >= holiday.Start && t.EntryTime < holiday.End));
    }

    private sealed class Progress(List<string> said) : IProgress<string>
    {
        public void Report(string value) => said.Add(value);
    }

    private static async Task<WalkForwardBacktestResult> RunAsync(SimulationMode mode)
    {
        var market = TrainingTestData.Build(mode, seed: 11, weeks: 3);
        using var root = new TempDirectory();
        return await WalkForwardBacktest.RunAsync("EURUSD", market.Ticks, market.Table, Options(root.Path), cancellationToken: TestContext.Current.CancellationToken);
    }

    private static WalkForwardBacktestOptions Options(string root) => new()
    {
        // Three weeks, Monday 8 January to Friday 26 January 2024: train on the three days before each trading
        // window, trade two days, step two days; seven folds, the weekends inside some of them.
        Folds = new WalkForwardOptions { TrainWindow = TimeSpan.FromDays(3), TestWindow = TimeSpan.FromDays(2), Gap = TimeSpan.FromMinutes(5) },
        Models = new WalkForwardModelOptions
        {
            Root = root,
            FeatureColumns = ["log_return_1", "log_return_5", "log_return_15", "realized_vol_15"],
            Horizon = TrainingTestData.Horizon,
            Search = new() { MaxTrials = 2, Trees = [40], Leaves = [4, 8], MinimumExamplesPerLeaf = [50], LearningRates = [0.1] },
            Anomaly = null,
        },
        // A retail ECN account: the quoted spread, 100 ms latency, 3.5 per lot per side.
        Backtest = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(100), CommissionPerLot = 3.5, Sizing = PositionSizing.FixedLots(0.1) },
        Strategy = new ModelStrategyOptions { SignalLifetime = TimeSpan.FromMinutes(1) },
    };

    // t = per-trade Sharpe × √n of the gross (mid-to-mid) and the net results.
    private static (double Gross, double Net, int Count) TradeSharpeT(IReadOnlyList<BacktestTrade> trades)
    {
        static double T(IReadOnlyList<double> x)
        {
            var mean = x.Average();
            var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1));
            return mean / sd * Math.Sqrt(x.Count);
        }
        return (T([.. trades.Select(t => t.GrossPnl)]), T([.. trades.Select(t => t.NetPnl)]), trades.Count);
    }
}

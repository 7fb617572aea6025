using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Ingest.Simulation;
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

    private static async Task<WalkForwardBacktestResult> RunAsync(SimulationMode mode)
    {
        var market = TrainingTestData.Build(mode, seed: 11, weeks: 3);
        using var root = new TempDirectory();
        var options = new WalkForwardBacktestOptions
        {
            // Three weeks, Monday 8 January to Friday 26 January 2024: train on the three days before each trading
            // window, trade two days, step two days; seven folds, the weekends inside some of them.
            Folds = new WalkForwardOptions { TrainWindow = TimeSpan.FromDays(3), TestWindow = TimeSpan.FromDays(2), Gap = TimeSpan.FromMinutes(5) },
            Models = new WalkForwardModelOptions
            {
                Root = root.Path,
                FeatureColumns = ["log_return_1", "log_return_5", "log_return_15", "realized_vol_15"],
                Horizon = TrainingTestData.Horizon,
                Search = new() { MaxTrials = 2, Trees = [40], Leaves = [4, 8], MinimumExamplesPerLeaf = [50], LearningRates = [0.1] },
                Anomaly = null,
            },
            // A retail ECN account: the quoted spread, 100 ms latency, 3.5 per lot per side.
            Backtest = new BacktestOptions { Latency = TimeSpan.FromMilliseconds(100), CommissionPerLot = 3.5, Sizing = PositionSizing.FixedLots(0.1) },
            Strategy = new ModelStrategyOptions { SignalLifetime = TimeSpan.FromMinutes(1) },
        };
        return await WalkForwardBacktest.RunAsync("EURUSD", market.Ticks, market.Table, options, cancellationToken: TestContext.Current.CancellationToken);
    }

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

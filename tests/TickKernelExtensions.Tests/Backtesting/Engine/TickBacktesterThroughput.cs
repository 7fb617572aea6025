using System.Diagnostics;
using System.Globalization;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Tests.Modeling.Export;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Backtesting.Engine;

/// <summary>
/// A throughput smoke check run by hand (explicit: not part of a normal test run, and it asserts no timing). From
/// a Release build: <c>TickKernelExtensions.Tests -explicit only -class "*TickBacktesterThroughput"</c>;
/// <c>BT_TICKS</c> sets the tape length (default 5,000,000).
/// </summary>
public sealed class TickBacktesterThroughput(TrainedModels models, ITestOutputHelper output) : IClassFixture<TrainedModels>
{
    [Fact(Explicit = true)]
    public void Run_PlainAndModelStrategies_PrintsTicksPerSecond()
    {
        var n = int.TryParse(Environment.GetEnvironmentVariable("BT_TICKS"), CultureInfo.InvariantCulture, out var v) ? v : 5_000_000;
        var ticks = RandomWalk(n, seed: 1);
        Measure("no callbacks (engine only, 1 order / bar)", ticks, () => new CallbackStrategy(onBar: (in TickKernelExtensions.Processing.Bars.Bar _, in TickWindow _, Account a, OrderList o) =>
        {
            if (a.Positions.Count == 0 && a.PendingEntries == 0)
            {
                o.Add(OrderRequest.Market(TickKernelExtensions.Modeling.Labels.TradeSide.Long, 1) with { StopLossDistance = 0.0002, TakeProfitDistance = 0.0002 });
            }
        }));
        Measure("plain tick strategy (callback every tick)", ticks, () => Alternating(1000));
        using var temp = new TempDirectory();
        using var bundle = ModelBundle.Load(ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path)).Folder);
        Measure("model in the loop (1-minute bars, 4 features, FastTree)", ticks, () => new ModelStrategy(bundle));
    }

    private void Measure(string name, TickKernelExtensions.Market.TickColumns ticks, Func<BacktestStrategy> strategy)
    {
        // Warm up on a short tape and pause: the runtime compiles the hot methods' optimised tier in the background
        // after a delay, and a cold measurement would time unoptimised code (seen here: 3–4× slower on the bar path).
        var warm = new TickKernelExtensions.Market.TickColumns(200_000);
        warm.AddRange(ticks, 0, Math.Min(200_000, ticks.Count));
        for (var i = 0; i < 3; i++)
        {
            TickBacktester.Run("EURUSD", warm, strategy());
            Thread.Sleep(200);
        }
        var best = double.MaxValue;
        BacktestResult? result = null;
        for (var run = 0; run < 3; run++)
        {
            var s = strategy();
            var watch = Stopwatch.StartNew();
            result = TickBacktester.Run("EURUSD", ticks, s);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        output.WriteLine($"{name}: {ticks.Count:N0} ticks, best of 3 {best:F3} s = {ticks.Count / best / 1e6:F1} M ticks/s; " +
            $"{result!.Trades.Count:N0} trades, {result.Counts.Bars:N0} bars");
        Assert.True(result.Counts.Ticks == ticks.Count);
    }
}

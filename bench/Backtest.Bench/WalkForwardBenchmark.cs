using System.Diagnostics;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Features;

namespace Backtest.Bench;

/// <summary>
/// Walk-forward of ten folds, end to end, once: gold-core features of the whole series (one-minute bars →
/// <see cref="FeatureSetCalculator"/>), <see cref="WalkForwardPlan.Create"/> (rolling training windows of half the
/// span, a 15-minute gap, the other half cut into ten trading windows), then <see cref="WalkForwardRunner.RunAsync{TModel}"/> with
/// <see cref="WalkForwardModels.Train"/> per fold (a two-trial search, no anomaly model) and each fold traded by
/// <see cref="ModelStrategy"/> on <see cref="WalkForwardSlices.Trading"/>.
/// </summary>
internal static class WalkForwardBenchmark
{
    public const int Folds = 10;

    public static readonly TimeSpan Gap = TimeSpan.FromMinutes(15);

    public sealed record Result(Samples Total, TimeSpan Features, long TicksTraded, IReadOnlyList<WalkForwardFoldResult<WalkForwardModel>> Folds, int Trades, IReadOnlyDictionary<int, int> TicksPerFold);

    public static async Task<Result> RunAsync(TickColumns ticks, string work)
    {
        var total = new Samples("ours: walk-forward, 10 folds, end to end (features + train + trade)", 1, ticks.Count);
        var root = Path.Combine(work, "backtest", "walk-forward");
        TimeSpan features = default;
        long traded = 0;
        var perFold = new Dictionary<int, int>();
        WalkForwardResult<WalkForwardModel>? result = null;
        var run = async () =>
        {
            var clock = Stopwatch.StartNew();
            var table = BenchModel.Features(ticks, FeatureSetDefinition.GoldCore);
            features = clock.Elapsed;
            var first = ticks.Timestamps[0];
            var last = ticks.Timestamps[^1];
            var span = TimeSpan.FromTicks((last + 1 - first) * 10);
            var trainWindow = TimeSpan.FromMinutes(Math.Floor(span.TotalMinutes / 2));
            var testMinutes = Math.Ceiling((span - trainWindow - Gap).TotalMinutes / Folds);
            var folds = WalkForwardPlan.Create(first, last, new WalkForwardOptions
            {
                TrainWindow = trainWindow,
                TestWindow = TimeSpan.FromMinutes(testMinutes),
                Gap = Gap,
                MaxFolds = Folds,
            });
            var options = new WalkForwardModelOptions
            {
                Root = root,
                ModelName = "backtest-bench-wf",
                Search = new() { MaxTrials = 2, Trees = [50], Leaves = [8, 16], MinimumExamplesPerLeaf = [50], LearningRates = [0.1] },
                Anomaly = null,
                Thresholds = BenchModel.Thresholds,
            };
            result = await WalkForwardRunner.RunAsync(folds,
                (fold, ct) => Task.FromResult(WalkForwardModels.Train(fold, ticks, table, options, ct)),
                (fold, model, ct) =>
                {
                    var slice = WalkForwardSlices.Trading(fold, ticks);
                    traded += slice.Count;
                    perFold[fold.Index] = slice.Count;
                    if (slice.Count == 0)
                    {
                        return Task.FromResult(new FoldOutcome(new EquityCurve(BacktestOptions.Default.InitialBalance), [], model.Parameters));
                    }
                    var r = TickBacktester.Run("EURUSD", slice, new ModelStrategy(model.Bundle, new ModelStrategyOptions { KeepSignals = false }));
                    return Task.FromResult(new FoldOutcome(r.Equity, r.Trades, model.Parameters));
                });
        };
        var cpu = Cpu.Milliseconds();
        var start = Stopwatch.GetTimestamp();
        await run();
        total.Record(Stopwatch.GetElapsedTime(start).TotalMilliseconds, Cpu.Milliseconds() - cpu);
        foreach (var f in result!.Folds)
        {
            f.Model.Bundle.Dispose();
        }
        return new Result(total, features, traded, result.Folds, result.Trades.Count, perFold);
    }
}

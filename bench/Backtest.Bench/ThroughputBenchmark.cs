using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Processing.Features;

namespace Backtest.Bench;

/// <summary>
/// Throughput rows, per thread count N: ours with the plain strategy, the DuckDB anchor with the same strategy, ours
/// with the model in the loop. N threads = N independent backtests, one per contiguous part of the ticks (copies made
/// before timing), each on its own thread. One warm-up, then <c>runs</c> runs, interleaved across rows.
/// </summary>
internal static class ThroughputBenchmark
{
    public sealed record Row(Samples Samples, string Mode, Outcome Outcome, string Detail);

    public static List<Row> Run(TickColumns ticks, ModelBundle? bundle, BenchOptions options)
    {
        using var anchor = options.Modes.Contains("plain") ? new DuckDbAnchor(ticks) : null;
        var rows = new List<Row>();
        foreach (var threads in options.Threads)
        {
            var parts = TickData.Split(ticks, threads);
            var plain = new Samples("ours: TickBacktester, CallbackStrategy (momentum rule)", threads, ticks.Count);
            var sql = new Samples("anchor: DuckDB SQL backtest, same rule", threads, ticks.Count);
            var model = new Samples("ours: TickBacktester, ModelStrategy (gold-core LightGBM, per 1-min bar)", threads, ticks.Count);
            Outcome plainOutcome = default, sqlOutcome = default, modelOutcome = default;
            var modelDetail = "";
            for (var r = -1; r < options.Runs; r++)
            {
                var record = r >= 0;
                if (anchor is not null)
                {
                    plain.Time(() => plainOutcome = Parallel(parts, part => Summarise(TickBacktester.Run("EURUSD", part, MomentumRule.Create(), MomentumRule.Options))), record);
                    sql.Time(() => sqlOutcome = anchor.Run(threads), record);
                }
                if (bundle is not null)
                {
                    var strategies = new ModelStrategy[parts.Length];
                    var results = new BacktestResult[parts.Length];
                    model.Time(() => modelOutcome = Parallel(parts, part =>
                    {
                        var j = Array.IndexOf(parts, part);
                        strategies[j] = new ModelStrategy(bundle, new ModelStrategyOptions { KeepSignals = false, ExpectedFeatureSet = FeatureSetDefinition.GoldCore });
                        results[j] = TickBacktester.Run("EURUSD", part, strategies[j]);
                        return Summarise(results[j]);
                    }), record);
                    modelDetail = $"bars {results.Sum(x => x.Counts.Bars):N0}, scored {strategies.Sum(s => s.Scored):N0}, warm-up {strategies.Sum(s => s.WarmUp):N0}, signals acted on {strategies.Sum(s => s.Acted):N0}";
                }
            }
            if (anchor is not null)
            {
                rows.Add(new Row(plain, "plain", plainOutcome, ""));
                rows.Add(new Row(sql, "anchor", sqlOutcome, ""));
            }
            if (bundle is not null)
            {
                rows.Add(new Row(model, "model", modelOutcome, modelDetail));
            }
        }
        return rows;
    }

    private static Outcome Summarise(BacktestResult result)
    {
        var outcome = default(Outcome);
        foreach (var t in result.Trades)
        {
            outcome += new Outcome(1, t.Side == TickKernelExtensions.Modeling.Labels.TradeSide.Long ? 1 : 0, t.NetPnl);
        }
        return outcome;
    }

    /// <summary>One backtest per part, each on its own thread (the caller's for one part); outcomes summed in part order.</summary>
    private static Outcome Parallel(TickColumns[] parts, Func<TickColumns, Outcome> run)
    {
        if (parts.Length == 1)
        {
            return run(parts[0]);
        }
        var outcomes = new Outcome[parts.Length];
        var threads = parts.Select((part, j) => new Thread(() => outcomes[j] = run(part))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return outcomes.Aggregate(default(Outcome), (a, b) => a + b);
    }
}

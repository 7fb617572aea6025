using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Display;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>Settings of <see cref="WalkForwardBacktest.RunAsync"/>: the folds, how each retrains, how each trades.</summary>
public sealed record WalkForwardBacktestOptions
{
    /// <summary>The windows (rolling or anchored, train / test / gap / step).</summary>
    public required WalkForwardOptions Folds { get; init; }

    /// <summary>How each fold retrains (stage 4's training API) and where its bundle goes.</summary>
    public required WalkForwardModelOptions Models { get; init; }

    /// <summary>The account, costs and execution every fold trades with; each fold starts from <see cref="BacktestOptions.InitialBalance"/>.</summary>
    public BacktestOptions Backtest { get; init; } = BacktestOptions.Default;

    /// <summary>How a fold's model turns bars into signals and orders.</summary>
    public ModelStrategyOptions Strategy { get; init; } = new();

    /// <summary>How the fold and out-of-sample statistics are computed.</summary>
    public StatisticsOptions Statistics { get; init; } = StatisticsOptions.Default;

    /// <summary>Instrument metadata; null = <see cref="InstrumentCatalog.Default"/>.</summary>
    public InstrumentCatalog? Catalog { get; init; }
}

/// <summary>One traded fold: its backtest, its statistics and what its model decided.</summary>
/// <param name="Fold">The fold's windows.</param>
/// <param name="Backtest">The fold's trading window, run tick by tick with its own model in the loop.</param>
/// <param name="Statistics">Statistics of that window alone.</param>
/// <param name="Scored">Bars the model scored.</param>
/// <param name="Acted">Signals that produced orders.</param>
public sealed record WalkForwardFoldBacktest(WalkForwardFold Fold, BacktestResult Backtest, BacktestStatistics Statistics, int Scored, int Acted);

/// <summary>
/// What <see cref="WalkForwardBacktest.RunAsync"/> produced: per fold the model, the backtest and its statistics; the
/// stitched out-of-sample equity and its statistics; the per-fold table; parameter stability; the planned folds left
/// out because a window of theirs held no tick. Renders as HTML and
/// text in notebooks (the verdict, the fold table, each fold's model, the stability table).
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<WalkForwardBacktestResult>), PreferredMimeTypes = ["text/html"])]
public sealed record WalkForwardBacktestResult(
    string Symbol,
    WalkForwardResult<WalkForwardModel> Run,
    IReadOnlyList<WalkForwardFoldBacktest> Folds,
    FoldStatisticsTable Table,
    BacktestStatistics OutOfSample,
    BacktestStatistics OutOfSampleBeforeCosts,
    EquityCurve EquityBeforeCosts,
    IReadOnlyList<WalkForwardFold> LeftOut)
{
    /// <summary>The stitched out-of-sample equity curve (each fold compounding on the previous one's end).</summary>
    public EquityCurve Equity => Run.OutOfSampleEquity;

    /// <summary>Every fold's closed trades, in time order.</summary>
    public IReadOnlyList<BacktestTrade> Trades => Run.Trades;

    /// <summary>How the chosen hyperparameters moved across folds.</summary>
    public IReadOnlyList<ParameterStability> Stability => Run.Stability;

    /// <summary>The result as an HTML fragment (what the notebook shows).</summary>
    public string ToHtml() => ResultViews.Html(this);

    /// <inheritdoc />
    public override string ToString() => ResultViews.Text(this);
}

/// <summary>
/// Walk-forward validation as one call: cut the data into folds (<see cref="WalkForwardPlan"/>); per fold, retrain
/// through the training API on the fold's past only (<see cref="WalkForwardModels.Train"/>: labels, purged split,
/// search, bundle), then backtest the fold's trading window tick by tick with that bundle in the loop
/// (<see cref="ModelStrategy"/> on <see cref="WalkForwardSlices.Trading"/>); stitch the folds' equity into one
/// out-of-sample curve and compute its statistics, with and without costs. Folds whose training or trading window
/// holds no tick (the market was closed) are left out and listed in <see cref="WalkForwardBacktestResult.LeftOut"/>.
/// The trading window starts cold: its first
/// bars warm the features up and produce no signal, exactly as a freshly deployed model would.
/// </summary>
public static class WalkForwardBacktest
{
    /// <summary>Runs every fold in time order; <paramref name="progress"/> hears each fold's steps.</summary>
    /// <exception cref="ArgumentException">Data too short for one fold, or bad fold options.</exception>
    /// <exception cref="BacktestException">Bad backtest options, unknown symbol, a bundle that does not match the features.</exception>
    /// <exception cref="Modeling.ModelingException">A fold's training window cannot give a training set (too few samples, one class).</exception>
    public static async Task<WalkForwardBacktestResult> RunAsync(
        string symbol, TickColumns ticks, FeatureTable features, WalkForwardBacktestOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(options);
        options.Backtest.Validate();
        if (ticks.Count == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, "There are no ticks to walk forward over.") { Field = "ticks", Expected = "at least one tick", Actual = "0" };
        }
        var times = ticks.Timestamps;
        var planned = WalkForwardPlan.Create(times[0], times[^1], options.Folds);
        // A window with no ticks (a weekend, a holiday) has nothing to learn from or to trade: the fold is left out, not failed.
        var folds = planned.Where(f => HasTicks(ticks.Timestamps, f.TrainStart, f.TrainEnd) && HasTicks(ticks.Timestamps, f.TestStart, f.TestEnd)).ToList();
        var skipped = planned.Except(folds).ToList();
        foreach (var fold in skipped)
        {
            var which = HasTicks(ticks.Timestamps, fold.TestStart, fold.TestEnd) ? "training" : "trading";
            progress?.Report($"walk-forward: {fold} has no ticks in its {which} window (market closed); left out");
        }
        if (folds.Count == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, "No walk-forward fold has ticks in both its training and its trading window.")
            { Field = "Folds", Expected = "at least one trading window with ticks", Actual = $"{planned.Count} windows, all empty" };
        }
        var strategyOptions = options.Strategy with { ExpectedFeatureSet = options.Strategy.ExpectedFeatureSet ?? features.Definition };
        var traded = new Dictionary<int, (WalkForwardFoldBacktest Fold, EquityCurve BeforeCosts)>();
        var run = await WalkForwardRunner.RunAsync<WalkForwardModel>(
            folds,
            (fold, ct) => Task.Run(() => WalkForwardModels.Train(fold, ticks, features, options.Models, ct), ct),
            (fold, model, ct) => Task.Run(() =>
            {
                var window = WalkForwardSlices.Trading(fold, ticks);
                var strategy = new ModelStrategy(model.Bundle, strategyOptions with { KeepSignals = false });
                var result = TickBacktester.Run(symbol, window, strategy, options.Backtest, options.Catalog);
                model.Bundle.Dispose(); // the fold is done with its model; the result keeps its metadata
                var statistics = BacktestStatistics.Compute(result.Equity, result.Trades, options.Statistics);
                traded[fold.Index] = (new WalkForwardFoldBacktest(fold, result, statistics, strategy.Scored, strategy.Acted), result.Equity.BeforeCosts(result.Trades));
                return new FoldOutcome(result.Equity, result.Trades, model.Parameters);
            }, ct),
            progress, cancellationToken);
        var perFold = folds.Select(f => traded[f.Index].Fold).ToList();
        var table = FoldStatisticsTable.Create(perFold.Select(f => (Label(f.Fold), f.Statistics)), $"{symbol} walk-forward folds");
        var outOfSample = BacktestStatistics.Compute(run.OutOfSampleEquity, run.Trades, options.Statistics);
        // Costs are added back per fold, before stitching, so each fold's amounts match its own (unscaled) curve.
        var grossEquity = WalkForwardRunner.Stitch(folds.Select(f => traded[f.Index].BeforeCosts).ToList());
        var beforeCosts = BacktestStatistics.Compute(grossEquity, run.Trades, options.Statistics);
        return new WalkForwardBacktestResult(symbol, run, perFold, table, outOfSample, beforeCosts, grossEquity, skipped);
    }

    private static bool HasTicks(ReadOnlySpan<long> sorted, long start, long end)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo < sorted.Length && sorted[lo] < end;
    }

    /// <summary>A fold's row label: its number and trading window, e.g. <c>3: 01-15 … 01-22</c>.</summary>
    public static string Label(WalkForwardFold fold)
    {
        ArgumentNullException.ThrowIfNull(fold);
        var from = TickTime.FromMicros(fold.TestStart);
        var to = TickTime.FromMicros(fold.TestEnd);
        var format = to - from >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm";
        return string.Create(CultureInfo.InvariantCulture, $"{fold.Index + 1}: {from.ToString(format, CultureInfo.InvariantCulture)} … {to.ToString(format, CultureInfo.InvariantCulture)}");
    }
}

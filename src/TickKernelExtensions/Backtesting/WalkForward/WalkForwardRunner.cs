using System.Diagnostics;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>
/// Runs walk-forward validation: for each fold in time order, <c>train</c> on the fold's past (hand it only
/// <see cref="WalkForwardSlices.Training"/>), then <c>trade</c> the fold's window with that model; the folds' equity
/// curves are stitched into one out-of-sample curve by compounding (each fold starts from the equity the previous
/// one ended with, its returns applied as they were), and the parameters each training chose are compared across folds.
/// </summary>
public static class WalkForwardRunner
{
    /// <summary>Runs every fold, one after the other (each fold's training may use all cores).</summary>
    /// <exception cref="ArgumentException">No folds, folds out of order or overlapping in their trading windows, or a fold whose training ends after its trading starts.</exception>
    public static async Task<WalkForwardResult<TModel>> RunAsync<TModel>(
        IReadOnlyList<WalkForwardFold> folds,
        Func<WalkForwardFold, CancellationToken, Task<TModel>> train,
        Func<WalkForwardFold, TModel, CancellationToken, Task<FoldOutcome>> trade,
        IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(folds);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(trade);
        Check(folds);
        var results = new List<WalkForwardFoldResult<TModel>>(folds.Count);
        foreach (var fold in folds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report($"walk-forward {fold.Index + 1}/{folds.Count}: training ({fold})");
            var clock = Stopwatch.StartNew();
            var model = await train(fold, cancellationToken);
            var trainTime = clock.Elapsed;
            progress?.Report($"walk-forward {fold.Index + 1}/{folds.Count}: trading");
            clock.Restart();
            var outcome = await trade(fold, model, cancellationToken);
            results.Add(new WalkForwardFoldResult<TModel>(fold, model, outcome, trainTime, clock.Elapsed));
        }
        var trades = results.SelectMany(r => r.Outcome.Trades).ToList();
        return new WalkForwardResult<TModel>(results, Stitch(results.Select(r => r.Outcome.Equity).ToList()), trades,
            Stability(results.Select(r => r.Outcome.Parameters).ToList()));
    }

    /// <summary>
    /// One curve from consecutive fold curves: starts at the first curve's initial equity; each fold's points are
    /// scaled by (equity reached so far / the fold's initial equity), so returns compound across folds.
    /// </summary>
    /// <exception cref="ArgumentException">Curves overlap in time.</exception>
    public static EquityCurve Stitch(IReadOnlyList<EquityCurve> curves)
    {
        ArgumentNullException.ThrowIfNull(curves);
        if (curves.Count == 0)
        {
            throw new ArgumentException("No fold curves to stitch.", nameof(curves));
        }
        var stitched = new EquityCurve(curves[0].InitialEquity, curves.Sum(c => c.Count));
        var level = curves[0].InitialEquity;
        var lastTime = long.MinValue;
        for (var k = 0; k < curves.Count; k++)
        {
            var curve = curves[k];
            if (curve.Count == 0)
            {
                continue;
            }
            if (curve.Times[0] <= lastTime)
            {
                throw new ArgumentException($"Fold {k}'s equity starts at {curve.Times[0]} µs, not after the previous fold's last point at {lastTime} µs.", nameof(curves));
            }
            var scale = level / curve.InitialEquity;
            for (var i = 0; i < curve.Count; i++)
            {
                stitched.Add(curve.Times[i], curve.Equity[i] * scale);
            }
            level = curve.Equity[curve.Count - 1] * scale;
            lastTime = curve.Times[curve.Count - 1];
        }
        return stitched;
    }

    /// <summary>Per parameter name (sorted), its values across folds (folds that did not report it are skipped).</summary>
    public static IReadOnlyList<ParameterStability> Stability(IReadOnlyList<IReadOnlyDictionary<string, double>> perFold)
    {
        ArgumentNullException.ThrowIfNull(perFold);
        var names = perFold.SelectMany(p => p.Keys).Distinct().Order(StringComparer.Ordinal);
        var result = new List<ParameterStability>();
        foreach (var name in names)
        {
            var values = perFold.Where(p => p.ContainsKey(name)).Select(p => p[name]).ToList();
            var mean = values.Average();
            var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
            var modeShare = values.GroupBy(v => v).Max(g => g.Count()) / (double)values.Count;
            result.Add(new ParameterStability(name, values, mean, std, mean == 0 ? double.NaN : std / Math.Abs(mean), modeShare));
        }
        return result;
    }

    private static void Check(IReadOnlyList<WalkForwardFold> folds)
    {
        if (folds.Count == 0)
        {
            throw new ArgumentException("No folds to run.", nameof(folds));
        }
        for (var i = 0; i < folds.Count; i++)
        {
            var f = folds[i];
            if (f.TrainStart >= f.TrainEnd || f.TrainEnd > f.TestStart || f.TestStart >= f.TestEnd)
            {
                throw new ArgumentException($"{f}: needs TrainStart < TrainEnd ≤ TestStart < TestEnd (training must end before trading starts).", nameof(folds));
            }
            if (i > 0 && f.TestStart < folds[i - 1].TestEnd)
            {
                throw new ArgumentException($"{f} trades from before the end of fold {folds[i - 1].Index}'s trading window: folds must be in time order and not overlap.", nameof(folds));
            }
        }
    }
}

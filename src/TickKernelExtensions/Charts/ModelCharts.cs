using Plotly.NET;
using Plotly.NET.CSharp;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace TickKernelExtensions.Charts;

/// <summary>
/// Plotly charts of a model's <see cref="OverfittingReport"/>: the reliability curve and the permutation importance,
/// titled, with axis labels and a fixed size, like <see cref="TickCharts"/>.
/// </summary>
public static class ModelCharts
{
    /// <summary>Observed positive rate against mean predicted probability per non-empty bin, validation and test, with the diagonal.</summary>
    public static GenericChart Calibration(OverfittingReport report, string title = "Calibration")
    {
        ArgumentNullException.ThrowIfNull(report);
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(x: [0.0, 1.0], y: [0.0, 1.0], Name: "perfect"),
            Curve(report.ValidationCalibration, "validation"),
            Curve(report.TestCalibration, "test"),
        ])
        .WithXAxisStyle<double, double, string>(TitleText: "mean predicted probability")
        .WithYAxisStyle<double, double, string>(TitleText: "observed positive rate");
        return Plotly.NET.Chart.withTitle(title, null).Invoke(chart).WithSize(700, 500);
    }

    /// <summary>Validation AUC lost when each feature is shuffled, most important at the top.</summary>
    public static GenericChart Importance(OverfittingReport report, string title = "Permutation importance (validation)")
    {
        ArgumentNullException.ThrowIfNull(report);
        var ordered = report.Importance.Reverse().ToArray();
        var chart = CSharpChart.Bar<double, string, string>(values: ordered.Select(f => f.AucDrop).ToArray(),
                Keys: ordered.Select(f => f.Feature).ToArray(), Name: "AUC drop")
            .WithXAxisStyle<double, double, string>(TitleText: "AUC drop")
            .WithYAxisStyle<double, double, string>(TitleText: "feature");
        return Plotly.NET.Chart.withTitle(title, null).Invoke(chart).WithSize(700, 120 + (30 * ordered.Length));
    }

    /// <summary>
    /// The split on a time axis: each kept sample's label window start (t0), one row per part, thinned to at most
    /// <paramref name="maxPoints"/> per part. The gaps between parts are the purged and embargoed samples.
    /// </summary>
    public static GenericChart SplitTimeline(TrainingSet set, string title = "Train / validation / test over time", int maxPoints = 1500)
    {
        ArgumentNullException.ThrowIfNull(set);
        var traces = new List<GenericChart>();
        foreach (var role in new[] { SplitRole.Train, SplitRole.Validation, SplitRole.Test })
        {
            var part = set.Part(role);
            var step = Math.Max(1, part.Count / maxPoints);
            var times = new List<DateTime>();
            for (var i = 0; i < part.Count; i += step)
            {
                times.Add(TickTime.FromMicros(part.T0[i]));
            }
            var name = $"{role.ToString().ToLowerInvariant()} ({part.Count:N0})";
            traces.Add(CSharpChart.Point<DateTime, string, string>(x: times.ToArray(), y: Enumerable.Repeat(role.ToString().ToLowerInvariant(), times.Count).ToArray(), Name: name));
        }
        var chart = CSharpChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "label start t0 (UTC)")
            .WithYAxisStyle<double, double, string>(TitleText: "part");
        var subtitle = $"{set.Counts.Purged} purged, {set.Counts.Embargoed} embargoed";
        return Plotly.NET.Chart.withTitle($"{title} ({subtitle})", null).Invoke(chart).WithSize(1000, 300);
    }

    /// <summary>The anomaly model's PCA score over time, one trace per part, with the gating threshold.</summary>
    public static GenericChart AnomalyScores(AnomalyTimeline timeline, string title = "Anomaly score over time", int maxPoints = 4000)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var traces = new List<GenericChart>();
        var step = Math.Max(1, timeline.Times.Length / maxPoints);
        foreach (var role in new[] { SplitRole.Train, SplitRole.Validation, SplitRole.Test })
        {
            var keep = Enumerable.Range(0, timeline.Times.Length).Where(i => timeline.Roles[i] == role && i % step == 0).ToArray();
            traces.Add(CSharpChart.Line<DateTime, double, string>(x: keep.Select(i => TickTime.FromMicros(timeline.Times[i])).ToArray(),
                y: keep.Select(i => (double)timeline.PcaScores[i]).ToArray(), Name: role.ToString().ToLowerInvariant()));
        }
        if (timeline.Times.Length > 0)
        {
            traces.Add(CSharpChart.Line<DateTime, double, string>(
                x: [TickTime.FromMicros(timeline.Times[0]), TickTime.FromMicros(timeline.Times[^1])],
                y: [timeline.PcaThreshold, timeline.PcaThreshold], Name: "gate threshold"));
        }
        var chart = CSharpChart.Combine(traces)
            .WithXAxisStyle<double, double, string>(TitleText: "time (UTC)")
            .WithYAxisStyle<double, double, string>(TitleText: "PCA reconstruction score");
        return Plotly.NET.Chart.withTitle(title, null).Invoke(chart).WithSize(1000, 400);
    }

    /// <summary>Validation AUC of each tuning trial against its training AUC: the gap is how much each setting overfits.</summary>
    public static GenericChart SearchTrials(HyperparameterSearchResult search, string title = "Hyperparameter search")
    {
        ArgumentNullException.ThrowIfNull(search);
        var index = search.Trials.Select(t => (double)t.Index).ToArray();
        var chart = CSharpChart.Combine(
        [
            CSharpChart.Line<double, double, string>(x: index, y: search.Trials.Select(t => t.Train.Auc).ToArray(), ShowMarkers: true, Name: "train AUC"),
            CSharpChart.Line<double, double, string>(x: index, y: search.Trials.Select(t => t.Validation.Auc).ToArray(), ShowMarkers: true, Name: "validation AUC"),
        ])
        .WithXAxisStyle<double, double, string>(TitleText: "trial")
        .WithYAxisStyle<double, double, string>(TitleText: "AUC");
        return Plotly.NET.Chart.withTitle($"{title} (best: trial {search.Best.Index}, {search.Best.Options.Describe()})", null).Invoke(chart).WithSize(800, 400);
    }

    private static GenericChart Curve(IReadOnlyList<CalibrationBin> bins, string name)
    {
        var kept = bins.Where(b => b.Count > 0).ToArray();
        return CSharpChart.Line<double, double, string>(x: kept.Select(b => b.MeanPredicted).ToArray(),
            y: kept.Select(b => b.ObservedRate).ToArray(), ShowMarkers: true, Name: name);
    }
}

using Plotly.NET;
using Plotly.NET.CSharp;
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

    private static GenericChart Curve(IReadOnlyList<CalibrationBin> bins, string name)
    {
        var kept = bins.Where(b => b.Count > 0).ToArray();
        return CSharpChart.Line<double, double, string>(x: kept.Select(b => b.MeanPredicted).ToArray(),
            y: kept.Select(b => b.ObservedRate).ToArray(), ShowMarkers: true, Name: name);
    }
}

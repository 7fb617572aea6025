using System.Globalization;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Display;

/// <summary>
/// The view of an overfitting report: the test-once statement on the title line, then metrics per part, feature
/// importance, and the reliability bins of validation and test.
/// </summary>
internal static class OverfittingReportView
{
    public static ResultView Build(OverfittingReport report)
    {
        var view = new ResultView($"Overfitting report: {report.Model}", report.FeatureSet, report.TestStatement, report.ValidationStatement);
        view.Note($"{report.Counts}." + (report.RefitOn is { } refit ? $" Best parameters refitted on {refit}." : ""));
        var metrics = view.Table("Part", "Samples", "AUC", "Log loss", "Accuracy", "Brier", "Positive rate", "Predicted positive");
        Metrics(metrics, "train", report.Train);
        Metrics(metrics, "validation", report.Validation);
        Metrics(metrics, "test", report.Test);
        view.Note($"A model without skill keeps its test AUC within 0.5 ± {Number(report.Test.NullAucHalfWidth())} (3 null standard deviations).");

        view.Section("Feature importance", "permutation on validation, AUC drop");
        var importance = view.Table("Feature", "AUC drop", "Std");
        foreach (var f in report.Importance)
        {
            importance.Row(f.Feature, ViewCell.Number(Number(f.AucDrop)), ViewCell.Number(Number(f.AucDropStd)));
        }

        view.Section("Calibration", "reliability bins");
        var calibration = view.Table("Bin", "Validation n", "Validation mean p", "Validation observed", "Test n", "Test mean p", "Test observed");
        for (var b = 0; b < report.ValidationCalibration.Count; b++)
        {
            var v = report.ValidationCalibration[b];
            var t = report.TestCalibration[b];
            calibration.Row(string.Create(CultureInfo.InvariantCulture, $"[{v.Lower:0.0#}, {v.Upper:0.0#})"),
                ViewCell.Count(v.Count), ViewCell.Number(Number(v.MeanPredicted)), ViewCell.Number(Number(v.ObservedRate)),
                ViewCell.Count(t.Count), ViewCell.Number(Number(t.MeanPredicted)), ViewCell.Number(Number(t.ObservedRate)));
        }
        return view;
    }

    private static void Metrics(ViewTable table, string part, BinaryMetrics m) =>
        table.Row(part, ViewCell.Count(m.Count), ViewCell.Number(Number(m.Auc)), ViewCell.Number(Number(m.LogLoss)),
            ViewCell.Number(Number(m.Accuracy)), ViewCell.Number(Number(m.Brier)), ViewCell.Number(Number(m.PositiveRate)),
            ViewCell.Number(Number(m.PredictedPositiveRate)));

    private static string Number(double value) =>
        double.IsNaN(value) ? DisplayText.Missing : value.ToString("0.0000", CultureInfo.InvariantCulture);
}

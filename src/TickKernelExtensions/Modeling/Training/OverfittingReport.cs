using System.Globalization;
using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Train vs validation vs test metrics of one model, permutation feature importance on validation, reliability bins
/// on validation and test, and the test-once record: the test part is scored through a <see cref="HoldoutTest"/> as
/// the last step of <see cref="Create"/>, so building a second report on the same holdout throws. Immutable.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<OverfittingReport>), PreferredMimeTypes = ["text/html"])]
public sealed class OverfittingReport
{
    private OverfittingReport(string featureSet, string model, TrainingSetCounts counts, BinaryMetrics train, BinaryMetrics validation,
        HoldoutResult test, IReadOnlyList<FeatureImportance> importance, IReadOnlyList<CalibrationBin> validationCalibration,
        IReadOnlyList<CalibrationBin> testCalibration, int tuningTrials, RefitPart? refitOn)
    {
        FeatureSet = featureSet;
        Model = model;
        Counts = counts;
        Train = train;
        Validation = validation;
        Holdout = test;
        Importance = importance;
        ValidationCalibration = validationCalibration;
        TestCalibration = testCalibration;
        TuningTrials = tuningTrials;
        RefitOn = refitOn;
    }

    /// <summary>The feature set's name and version.</summary>
    public string FeatureSet { get; }

    /// <summary>The model's description.</summary>
    public string Model { get; }

    /// <summary>The training set's kept and dropped counts.</summary>
    public TrainingSetCounts Counts { get; }

    /// <summary>Metrics on the train part (in sample).</summary>
    public BinaryMetrics Train { get; }

    /// <summary>Metrics on the validation part (out of sample, but selected on when tuned).</summary>
    public BinaryMetrics Validation { get; }

    /// <summary>Metrics on the test part (the one evaluation).</summary>
    public BinaryMetrics Test => Holdout.Metrics;

    /// <summary>The one test evaluation, with its time.</summary>
    public HoldoutResult Holdout { get; }

    /// <summary>Permutation importance on validation (AUC drop), most important first.</summary>
    public IReadOnlyList<FeatureImportance> Importance { get; }

    /// <summary>Reliability bins of the validation predictions.</summary>
    public IReadOnlyList<CalibrationBin> ValidationCalibration { get; }

    /// <summary>Reliability bins of the test predictions (from the one evaluation).</summary>
    public IReadOnlyList<CalibrationBin> TestCalibration { get; }

    /// <summary>Trials of the hyperparameter search that were scored on validation (0 without a search).</summary>
    public int TuningTrials { get; }

    /// <summary>What the model was refitted on after the search, or null without a search.</summary>
    public RefitPart? RefitOn { get; }

    /// <summary>The test-once statement, e.g. <c>test split evaluated once, at 2026-12-02T07:00:00Z</c>.</summary>
    public string TestStatement => string.Create(CultureInfo.InvariantCulture,
        $"test split evaluated once, at {Holdout.EvaluatedAt.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}");

    /// <summary>The validation statement, e.g. <c>12 tuning trials saw the validation split</c>.</summary>
    public string ValidationStatement => TuningTrials == 1
        ? "1 tuning trial saw the validation split"
        : $"{TuningTrials} tuning trials saw the validation split";

    /// <summary>
    /// Builds the report for <paramref name="model"/>: train and validation metrics, permutation importance and
    /// calibration on validation, and last the test part through <paramref name="holdout"/> (once).
    /// </summary>
    /// <exception cref="ModelingException">TestReused when <paramref name="holdout"/> was already used; InvalidOptions.</exception>
    public static OverfittingReport Create(TrainingSet set, PatternModel model, HoldoutTest holdout,
        HyperparameterSearchResult? search = null, OverfittingReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(holdout);
        options ??= OverfittingReportOptions.Default;
        options.Validate();
        if (!holdout.Guards(set))
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "The holdout guards another training set's test part.")
            {
                Field = nameof(holdout),
                Expected = "a HoldoutTest created for this training set",
                Actual = "a HoldoutTest of another set",
            };
        }
        if (holdout.IsUsed)
        {
            // Fail before the work, with the same message the holdout gives.
            holdout.Evaluate(model);
        }
        var train = model.Evaluate(set.Train);
        var validationProbabilities = model.PredictProbabilities(set.Validation);
        var validation = BinaryMetrics.Compute(set.Validation.Labels, validationProbabilities);
        var importance = PermutationImportance(set, model, validation.Auc, options);
        var validationCalibration = CalibrationBin.Compute(set.Validation.Labels, validationProbabilities, options.CalibrationBins);
        var test = holdout.Evaluate(model);
        var testCalibration = CalibrationBin.Compute(set.Test.Labels, test.Probabilities, options.CalibrationBins);
        return new OverfittingReport(set.FeatureSetName, model.Options.Describe(), set.Counts, train, validation, test, importance,
            validationCalibration, testCalibration, search?.Trials.Count ?? 0, search?.RefitOn);
    }

    /// <summary>The report as an HTML fragment (the notebook display's styles: title line, sections, tables).</summary>
    public string ToHtml() => HtmlRenderer.ToHtml(OverfittingReportView.Build(this));

    /// <summary>
    /// A standalone page that opens offline: the report's tables, then the calibration curve and the importance bars
    /// (<see cref="Charts.ModelCharts"/>) with plotly.js inlined (about 3.6 MB).
    /// </summary>
    public string ToHtmlDocument() => OfflineHtml.Document($"Overfitting report: {Model}",
        string.Join("\n", ToHtml(), ChartHtml.Fragment(Charts.ModelCharts.Calibration(this)), ChartHtml.Fragment(Charts.ModelCharts.Importance(this))));

    /// <inheritdoc />
    public override string ToString() => TextRenderer.ToText(OverfittingReportView.Build(this));

    private static FeatureImportance[] PermutationImportance(TrainingSet set, PatternModel model, double baseAuc, OverfittingReportOptions options)
    {
        var part = set.Validation;
        var result = new FeatureImportance[part.FeatureCount];
        var state = (ulong)(uint)options.Seed;
        for (var f = 0; f < part.FeatureCount; f++)
        {
            var drops = new double[options.PermutationRepeats];
            for (var r = 0; r < drops.Length; r++)
            {
                var column = part.ColumnCopy(f);
                for (var i = column.Length - 1; i > 0; i--)
                {
                    var j = (int)(SplitMix(ref state) % (ulong)(i + 1));
                    (column[i], column[j]) = (column[j], column[i]);
                }
                var permuted = part.WithColumn(f, column);
                drops[r] = baseAuc - BinaryMetrics.RankAuc(permuted.Labels, model.PredictProbabilities(permuted));
            }
            var mean = drops.Average();
            var std = drops.Length > 1 ? Math.Sqrt(drops.Sum(d => (d - mean) * (d - mean)) / (drops.Length - 1)) : 0.0;
            result[f] = new FeatureImportance(set.FeatureNames[f], mean, std);
        }
        return [.. result.OrderByDescending(x => x.AucDrop).ThenBy(x => x.Feature, StringComparer.Ordinal)];
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

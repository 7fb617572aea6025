using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Anomaly;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>How each walk-forward fold retrains: the training API of stage 4 on the fold's past only.</summary>
public sealed record WalkForwardModelOptions
{
    /// <summary>Where the folds' bundles go: <c>&lt;Root&gt;/&lt;ModelName&gt;/fold-&lt;n&gt;/</c>.</summary>
    public required string Root { get; init; }

    /// <summary>The bundles' name.</summary>
    public string ModelName { get; init; } = "walk-forward";

    /// <summary>Feature columns the models read; null: every column of the feature set.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>The label (default 15 minutes).</summary>
    public FixedHorizonOptions Horizon { get; init; } = new() { Horizon = TimeSpan.FromMinutes(15) };

    /// <summary>The split inside each training window (tuning needs validation; the in-window test is evaluated once per fold); embargo defaults to the horizon.</summary>
    public ChronologicalSplitOptions Split { get; init; } = new() { TrainFraction = 0.7, ValidationFraction = 0.2 };

    /// <summary>The search per fold.</summary>
    public HyperparameterSearchOptions Search { get; init; } = new() { MaxTrials = 4 };

    /// <summary>The anomaly model per fold; null: none (the bundle then never gates).</summary>
    public AnomalyModelOptions? Anomaly { get; init; } = new();

    /// <summary>Buy / sell thresholds written into each bundle.</summary>
    public DecisionThresholds Thresholds { get; init; } = new();

    /// <summary>The bundles' creation clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>A fold's trained model: its bundle (what trading loads), the training set and search it came from, and the parameters it chose.</summary>
public sealed record WalkForwardModel(ModelBundle Bundle, TrainingSet Set, HyperparameterSearchResult Search, OverfittingReport Report, IReadOnlyDictionary<string, double> Parameters);

/// <summary>Retrains a model for one fold through the stage-4 training API, on the fold's training slices only.</summary>
public static class WalkForwardModels
{
    /// <summary>
    /// Slices the ticks and feature rows to the fold's training window (<see cref="WalkForwardSlices.Training"/>),
    /// labels, splits, tunes and fits there, evaluates the window's own test part once, and writes and loads the
    /// fold's bundle. Dispose the bundle when done with it.
    /// </summary>
    public static WalkForwardModel Train(WalkForwardFold fold, TickColumns ticks, FeatureTable features, WalkForwardModelOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fold);
        ArgumentNullException.ThrowIfNull(options);
        var (pastTicks, pastFeatures) = WalkForwardSlices.Training(fold, ticks, features);
        var split = options.Split.Embargo == TimeSpan.Zero ? options.Split with { Embargo = options.Horizon.Horizon } : options.Split;
        var set = TrainingSetBuilder.FromTicks(pastFeatures, pastTicks, options.Horizon, split, new TrainingSetOptions { FeatureColumns = options.FeatureColumns });
        var search = HyperparameterSearch.Run(set, options.Search, options.TimeProvider, cancellationToken);
        var report = OverfittingReport.Create(set, search.Model, new HoldoutTest(set, options.TimeProvider), search);
        var anomaly = options.Anomaly is null ? null : AnomalyModel.Train(set.Train, set.FeatureNames, options.Anomaly);
        var version = "fold-" + fold.Index.ToString(CultureInfo.InvariantCulture);
        var folder = ModelBundle.FolderOf(options.ModelName, version, options.Root);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // a re-run of the same walk-forward replaces its folds' bundles
        }
        var info = ModelBundleWriter.Write(new ModelBundleContent
        {
            Name = options.ModelName,
            Version = version,
            Model = search.Model.Transformer,
            Signature = new ModelSignature(set.FeatureNames),
            FeatureSet = features.Definition,
            Datasets = [ModelDatasetVersion.Period("training window", fold.TrainStart, fold.TrainEnd), ModelDatasetVersion.Period("trading window", fold.TestStart, fold.TestEnd)],
            Metrics = new Dictionary<string, double>
            {
                ["train_auc"] = report.Train.Auc,
                ["validation_auc"] = report.Validation.Auc,
                ["test_auc"] = report.Test.Auc,
            },
            Thresholds = options.Thresholds,
            Anomaly = anomaly is null ? null : new AnomalyDetector(anomaly.PcaTransformer, anomaly.PcaThreshold),
        }, new ModelBundleOptions { Root = options.Root, TimeProvider = options.TimeProvider });
        var best = search.Best.Options;
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["trees"] = best.NumberOfTrees,
            ["leaves"] = best.NumberOfLeaves,
            ["min_leaf"] = best.MinimumExampleCountPerLeaf,
            ["learning_rate"] = best.LearningRate,
            ["validation_auc"] = report.Validation.Auc,
        };
        return new WalkForwardModel(ModelBundle.Load(info.Folder), set, search, report, parameters);
    }
}

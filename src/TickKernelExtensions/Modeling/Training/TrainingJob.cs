using System.Globalization;
using System.Text;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Modeling.Anomaly;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Lake;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Stage 4 end to end, as <c>pipeline train</c> and <c>04-train.ipynb</c> run it: one symbol's gold features and
/// tradable silver ticks from the lake → fixed-horizon labels on the bid/ask path → a chronological split with purge
/// and embargo (proved leak-free) → the hyperparameter search on the validation split → the anomaly model on the
/// training split → the test split evaluated once → the overfitting report → a model bundle under
/// <c>models/&lt;name&gt;/&lt;version&gt;/</c> → an MLflow run (params, metrics, the report, the trials, the bundle as the
/// run's model) and a registry version. Deterministic for the same data and options, except for times.
/// </summary>
public static class TrainingJob
{
    /// <summary>Runs the stage; <paramref name="progress"/> hears each step as it starts.</summary>
    /// <exception cref="ModelingException">Bad options, or data that cannot give a training set (named).</exception>
    /// <exception cref="IcebergException">A table is missing or is not what the gold stage writes.</exception>
    public static async Task<TrainingJobResult> RunAsync(
        IcebergTables tables, TrainingJobOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        var featuresId = options.FeaturesTable ?? GoldSchemas.FeaturesTable(FeatureSetDefinition.GoldCore);

        progress?.Report($"reading {featuresId} and silver.ticks");
        var symbol = options.Symbol ?? await FirstSymbolAsync(tables, featuresId, cancellationToken);
        var (features, featuresSnapshot) = await GoldFeatures.ReadAsync(tables, featuresId, symbol, cancellationToken: cancellationToken);
        var (ticks, silverSnapshot) = await GoldFeatures.ReadTicksAsync(tables, symbol, cancellationToken: cancellationToken);
        if (features.Count == 0 || ticks.Count == 0)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, $"No data to train on for {symbol}.")
            {
                Field = "symbol",
                Expected = $"feature rows in {featuresId} and ticks in silver.ticks",
                Actual = $"{features.Count} feature rows, {ticks.Count} ticks",
            };
        }

        progress?.Report($"labelling {features.Count:N0} bars of {symbol} ({ticks.Count:N0} ticks) and splitting");
        var split = options.Split.Embargo == TimeSpan.Zero ? options.Split with { Embargo = options.Horizon.Horizon } : options.Split;
        var set = TrainingSetBuilder.FromTicks(features, ticks, options.Horizon, split, new TrainingSetOptions { FeatureColumns = options.FeatureColumns });

        progress?.Report($"searching hyperparameters on the validation split (at most {options.Search.MaxTrials} trials)");
        var search = HyperparameterSearch.Run(set, options.Search, time, cancellationToken);

        progress?.Report("fitting the anomaly model on the training split");
        var anomaly = AnomalyModel.Train(set.Train, set.FeatureNames, options.Anomaly);

        progress?.Report("evaluating the test split, once");
        var holdout = new HoldoutTest(set, time);
        var report = OverfittingReport.Create(set, search.Model, holdout, search);
        var timeline = AnomalyTimeline(set, anomaly);

        progress?.Report("exporting the model bundle");
        var version = NextVersion(options.Layout.Models, options.ModelName);
        var datasets = new List<ModelDatasetVersion>
        {
            ModelDatasetVersion.FromSnapshot(new InputSnapshot(featuresId.ToString(), Snapshot(featuresSnapshot))),
            ModelDatasetVersion.FromSnapshot(new InputSnapshot("silver.ticks", Snapshot(silverSnapshot))),
        };
        datasets.AddRange(SplitPeriods(set));
        var bundle = ModelBundleWriter.Write(new ModelBundleContent
        {
            Name = options.ModelName,
            Version = version,
            Model = search.Model.Transformer,
            Signature = new ModelSignature(set.FeatureNames),
            FeatureSet = features.Definition,
            Datasets = datasets,
            Metrics = Metrics(report, anomaly),
            Thresholds = options.Thresholds,
            Anomaly = new AnomalyDetector(anomaly.PcaTransformer, anomaly.PcaThreshold),
        }, new ModelBundleOptions { Root = options.Layout.Models, TimeProvider = time });

        progress?.Report("logging the run to MLflow");
        var (runId, registered, trackingRoot) = await TrackAsync(options, symbol, set, search, report, anomaly, bundle, featuresId.ToString(), cancellationToken);
        return new TrainingJobResult(symbol, set, search, anomaly, report, timeline, bundle, runId, registered, trackingRoot, datasets, time.GetElapsedTime(started));
    }

    /// <summary>The first symbol of <paramref name="featuresId"/>'s partitions: the one a stage trains, backtests and serves when none is named.</summary>
    /// <exception cref="ModelingException">The table holds no rows.</exception>
    public static async Task<string> FirstSymbolAsync(IcebergTables tables, Lakehouse.Catalog.TableIdentifier featuresId, CancellationToken cancellationToken = default)
    {
        var reader = await tables.LoadAsync(featuresId, cancellationToken);
        return LakeTicks.Partitions(reader).Select(p => p.Symbol).FirstOrDefault()
            ?? throw new ModelingException(ModelingErrorKind.InvalidInput, $"{featuresId} holds no rows: run the process stage first.")
            {
                Field = "features table",
                Expected = "at least one symbol",
                Actual = "none",
            };
    }

    /// <summary>The names under which a bundle records the time span of each split part (see <see cref="ModelDatasetVersion.Period"/>).</summary>
    public static string PeriodName(SplitRole role) => role switch
    {
        SplitRole.Train => "train split",
        SplitRole.Validation => "validation split",
        _ => "test split",
    };

    // Each part's span, from its first label's start to its last label's end: a backtest of the exported model can
    // then trade only what the model never saw (from the test split's start on).
    private static IEnumerable<ModelDatasetVersion> SplitPeriods(TrainingSet set)
    {
        foreach (var role in new[] { SplitRole.Train, SplitRole.Validation, SplitRole.Test })
        {
            var part = set.Part(role);
            if (part.Count > 0)
            {
                yield return ModelDatasetVersion.Period(PeriodName(role), part.T0[0], Max(part.T1));
            }
        }
    }

    private static long Max(ReadOnlySpan<long> values)
    {
        var max = long.MinValue;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }
        return max;
    }

    private static string Snapshot(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    // The next integer version of the model under the models folder (1 when there is none), as the registry numbers them.
    private static string NextVersion(string root, string name)
    {
        var folder = Path.Combine(root, name);
        var last = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName)
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max()
            : 0;
        return (last + 1).ToString(CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, double> Metrics(OverfittingReport report, AnomalyModel anomaly)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (part, m) in new[] { ("train", report.Train), ("validation", report.Validation), ("test", report.Test) })
        {
            metrics[$"{part}_auc"] = m.Auc;
            metrics[$"{part}_log_loss"] = m.LogLoss;
            metrics[$"{part}_accuracy"] = m.Accuracy;
            metrics[$"{part}_brier"] = m.Brier;
            metrics[$"{part}_rows"] = m.Count;
        }
        metrics["test_auc_null_half_width"] = report.Test.NullAucHalfWidth();
        metrics["anomaly_pca_threshold"] = anomaly.PcaThreshold;
        return metrics;
    }

    // Every kept sample in time order with its part and both anomaly scores, for the chart over time.
    private static AnomalyTimeline AnomalyTimeline(TrainingSet set, AnomalyModel anomaly)
    {
        var points = new List<(long Time, SplitRole Role, float Pca, float KMeans)>();
        foreach (var role in new[] { SplitRole.Train, SplitRole.Validation, SplitRole.Test })
        {
            var part = set.Part(role);
            var scores = anomaly.Score(part);
            for (var i = 0; i < part.Count; i++)
            {
                points.Add((part.T0[i], role, scores.Pca[i], scores.KMeans is { } k ? k[i] : float.NaN));
            }
        }
        points.Sort((a, b) => a.Time.CompareTo(b.Time));
        return new AnomalyTimeline(
            [.. points.Select(p => p.Time)], [.. points.Select(p => p.Role)], [.. points.Select(p => p.Pca)], [.. points.Select(p => p.KMeans)],
            anomaly.PcaThreshold, anomaly.KMeansThreshold);
    }

    private static async Task<(string RunId, ModelVersion? Registered, string Where)> TrackAsync(
        TrainingJobOptions options, string symbol, TrainingSet set, HyperparameterSearchResult search, OverfittingReport report,
        AnomalyModel anomaly, ModelBundleInfo bundle, string featuresTable, CancellationToken cancellationToken)
    {
        var uri = options.TrackingUri ?? Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI");
        using var client = TrackingClient.Create(new TrackingClientOptions
        {
            TrackingUri = string.IsNullOrEmpty(uri) ? null : uri,
            DefaultRoot = options.Layout.MlRuns,
            TimeProvider = options.TimeProvider,
            SourceName = "pipeline train",
        });
        var where = string.IsNullOrEmpty(uri) ? options.Layout.MlRuns : uri;
        await using var run = await client.StartRunAsync(options.Experiment, $"{bundle.Name}-v{bundle.Version}",
            new Dictionary<string, string> { ["tick.symbol"] = symbol, ["tick.stage"] = "04-train" }, cancellationToken);
        var best = search.Best.Options;
        run.LogParam("symbol", symbol);
        run.LogParam("features_table", featuresTable);
        run.LogParam("feature_set", $"{set.FeatureSetName}");
        run.LogParam("feature_set_sha256", set.FeatureSetHash);
        run.LogParam("feature_columns", string.Join(",", set.FeatureNames));
        run.LogParam("label", "fixed-horizon");
        run.LogParam("label_horizon", options.Horizon.Horizon.ToString("c", CultureInfo.InvariantCulture));
        run.LogParam("label_dead_zone", options.Horizon.DeadZone);
        run.LogParam("split", string.Create(CultureInfo.InvariantCulture, $"{options.Split.TrainFraction}/{options.Split.ValidationFraction}/{1 - options.Split.TrainFraction - options.Split.ValidationFraction}"));
        run.LogParam("trainer", best.Trainer.ToString());
        run.LogParam("trees", best.NumberOfTrees);
        run.LogParam("leaves", best.NumberOfLeaves);
        run.LogParam("min_leaf", best.MinimumExampleCountPerLeaf);
        run.LogParam("learning_rate", best.LearningRate);
        run.LogParam("seed", best.Seed);
        run.LogParam("search_trials", search.Trials.Count);
        run.LogParam("search_stopped_by", search.StoppedBy);
        run.LogParam("refit_on", search.RefitOn.ToString());
        run.LogParam("anomaly_rank", options.Anomaly.Rank);
        run.SetTag("tick.test.evaluated", report.TestStatement);
        foreach (var (key, value) in Metrics(report, anomaly))
        {
            run.LogMetric(key, value);
        }
        run.LogMetric("purged", set.Counts.Purged);
        run.LogMetric("embargoed", set.Counts.Embargoed);
        for (var i = 0; i < search.Trials.Count; i++)
        {
            run.LogMetric("search_validation_auc", search.Trials[i].Validation.Auc, i);
        }
        var scratch = Path.Combine(Path.GetTempPath(), "tick-train-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(scratch);
        try
        {
            var html = Path.Combine(scratch, "overfitting-report.html");
            await File.WriteAllTextAsync(html, report.ToHtmlDocument(), cancellationToken);
            await run.LogArtifactAsync(html, "reports", cancellationToken);
            var trials = Path.Combine(scratch, "search-trials.csv");
            await File.WriteAllTextAsync(trials, TrialsCsv(search), cancellationToken);
            await run.LogArtifactAsync(trials, "reports", cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        var registered = await ModelBundleTracking.LogAsync(client, run, bundle.Folder, bundle.Name, options.Aliases, cancellationToken);
        await run.EndAsync(cancellationToken: cancellationToken);
        return (run.RunId, registered, where);
    }

    private static string TrialsCsv(HyperparameterSearchResult search)
    {
        var csv = new StringBuilder("trial,trainer,trees,leaves,min_leaf,learning_rate,train_auc,validation_auc,validation_log_loss,seconds\n");
        foreach (var t in search.Trials)
        {
            csv.Append(CultureInfo.InvariantCulture,
                $"{t.Index},{t.Options.Trainer},{t.Options.NumberOfTrees},{t.Options.NumberOfLeaves},{t.Options.MinimumExampleCountPerLeaf},{t.Options.LearningRate},{t.Train.Auc:R},{t.Validation.Auc:R},{t.Validation.LogLoss:R},{t.Elapsed.TotalSeconds:0.###}\n");
        }
        return csv.ToString();
    }
}

/// <summary>What <see cref="TrainingJob.RunAsync"/> produced.</summary>
/// <param name="Symbol">The symbol trained on.</param>
/// <param name="Set">The training set: parts, features, counts of dropped, purged and embargoed samples.</param>
/// <param name="Search">Every tuning trial and the chosen model.</param>
/// <param name="Anomaly">The anomaly model fitted on the training split.</param>
/// <param name="Report">Train vs validation vs test, importance, calibration; the test split evaluated once.</param>
/// <param name="AnomalyScores">The anomaly scores of every kept sample over time.</param>
/// <param name="Bundle">The exported bundle.</param>
/// <param name="RunId">The MLflow run.</param>
/// <param name="Registered">The registry version of the bundle.</param>
/// <param name="TrackingLocation">The <c>mlruns/</c> folder or server the run went to.</param>
/// <param name="Datasets">The table snapshots the model was trained on.</param>
/// <param name="Elapsed">Wall time of the whole stage.</param>
public sealed record TrainingJobResult(
    string Symbol, TrainingSet Set, HyperparameterSearchResult Search, AnomalyModel Anomaly, OverfittingReport Report,
    AnomalyTimeline AnomalyScores, ModelBundleInfo Bundle, string RunId, ModelVersion? Registered, string TrackingLocation,
    IReadOnlyList<ModelDatasetVersion> Datasets, TimeSpan Elapsed);

/// <summary>Anomaly scores of the kept samples in time order (UTC µs), each with its split part, and the gating thresholds.</summary>
public sealed record AnomalyTimeline(
    long[] Times, SplitRole[] Roles, float[] PcaScores, float[] KMeansDistances, double PcaThreshold, double KMeansThreshold);

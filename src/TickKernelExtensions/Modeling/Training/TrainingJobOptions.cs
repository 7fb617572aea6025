using System.Globalization;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Modeling.Anomaly;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>What <see cref="TrainingJob.RunAsync"/> trains, on what, and where it leaves the results.</summary>
public sealed record TrainingJobOptions
{
    /// <summary>The data root: <c>models/</c> and <c>mlruns/</c> live below it (<see cref="DataLayout"/>).</summary>
    public required DataLayout Layout { get; init; }

    /// <summary>The symbol to train on; null takes the first symbol of the feature table.</summary>
    public string? Symbol { get; init; }

    /// <summary>The gold feature table; null is the gold-core table the process stage writes.</summary>
    public TableIdentifier? FeaturesTable { get; init; }

    /// <summary>Feature columns the model reads, in order; null reads every column of the feature set.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>The label: will a long (bid/ask path) pay after the horizon? Default 15 minutes, no dead zone.</summary>
    public FixedHorizonOptions Horizon { get; init; } = new() { Horizon = TimeSpan.FromMinutes(15) };

    /// <summary>Chronological train / validation / test fractions; the embargo defaults to the label horizon.</summary>
    public ChronologicalSplitOptions Split { get; init; } = new();

    /// <summary>The hyperparameter search on the validation split (trials and time budget).</summary>
    public HyperparameterSearchOptions Search { get; init; } = new() { MaxTrials = 8, TimeBudget = TimeSpan.FromMinutes(2) };

    /// <summary>The anomaly model fitted on the training split; its PCA score travels in the bundle.</summary>
    public AnomalyModelOptions Anomaly { get; init; } = new();

    /// <summary>How probabilities become buy / sell / flat signals in the bundle.</summary>
    public DecisionThresholds Thresholds { get; init; } = new();

    /// <summary>The bundle's (and the registered model's) name.</summary>
    public string ModelName { get; init; } = "gold-core-direction";

    /// <summary>The MLflow experiment the run is logged to.</summary>
    public string Experiment { get; init; } = "tick-models";

    /// <summary>
    /// Where runs go: null uses <c>MLFLOW_TRACKING_URI</c> when set (a server, or a <c>file:</c> folder), else the
    /// layout's <c>mlruns/</c>.
    /// </summary>
    public string? TrackingUri { get; init; }

    /// <summary>Aliases pointed at the new registry version.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = ["challenger"];

    /// <summary>The clock of the run's times (tests pin it).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every invalid field at once.</summary>
    /// <exception cref="ModelingException">InvalidOptions.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Layout is null)
        {
            errors.Add("Layout must be set");
        }
        if (Symbol is { Length: 0 })
        {
            errors.Add("Symbol must not be empty (null takes the first symbol)");
        }
        if (string.IsNullOrWhiteSpace(ModelName))
        {
            errors.Add("ModelName must not be empty");
        }
        if (string.IsNullOrWhiteSpace(Experiment))
        {
            errors.Add("Experiment must not be empty");
        }
        if (Horizon is null || Split is null || Search is null || Anomaly is null || Thresholds is null)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"Horizon, Split, Search, Anomaly and Thresholds must be set"));
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("training job options", errors);
        }
        Horizon!.Validate();
        Split!.Validate();
        Search!.Validate();
        Anomaly!.Validate();
    }
}

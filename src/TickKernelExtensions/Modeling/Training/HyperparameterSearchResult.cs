using Microsoft.Data.Analysis;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>The outcome of a <see cref="HyperparameterSearch"/>: every trial, the best one, and the refitted model.</summary>
public sealed class HyperparameterSearchResult
{
    internal HyperparameterSearchResult(IReadOnlyList<SearchTrial> trials, SearchTrial best, string stoppedBy, RefitPart refitOn, PatternModel model, int candidates)
    {
        Trials = trials;
        Best = best;
        StoppedBy = stoppedBy;
        RefitOn = refitOn;
        Model = model;
        Candidates = candidates;
    }

    /// <summary>Every trial in the order it ran; all of them saw the validation part.</summary>
    public IReadOnlyList<SearchTrial> Trials { get; }

    /// <summary>The trial with the highest validation AUC (ties: lower validation log loss, then earlier).</summary>
    public SearchTrial Best { get; }

    /// <summary>Why the search stopped: "grid exhausted", "max trials" or "time budget".</summary>
    public string StoppedBy { get; }

    /// <summary>What <see cref="Model"/> was refitted on.</summary>
    public RefitPart RefitOn { get; }

    /// <summary>The best parameters refitted (see <see cref="RefitOn"/>).</summary>
    public PatternModel Model { get; }

    /// <summary>Grid points available.</summary>
    public int Candidates { get; }

    /// <summary>One row per trial: its parameters, train and validation AUC and log loss, and seconds; notebooks show it as a table.</summary>
    public DataFrame ToDataFrame() => new(
        new PrimitiveDataFrameColumn<int>("trial", Trials.Select(t => t.Index)),
        new StringDataFrameColumn("trainer", Trials.Select(t => t.Options.Trainer.ToString())),
        new PrimitiveDataFrameColumn<int>("trees", Trials.Select(t => t.Options.NumberOfTrees)),
        new PrimitiveDataFrameColumn<int>("leaves", Trials.Select(t => t.Options.NumberOfLeaves)),
        new PrimitiveDataFrameColumn<int>("min_leaf", Trials.Select(t => t.Options.MinimumExampleCountPerLeaf)),
        new PrimitiveDataFrameColumn<double>("learning_rate", Trials.Select(t => t.Options.LearningRate)),
        new PrimitiveDataFrameColumn<double>("train_auc", Trials.Select(t => Math.Round(t.Train.Auc, 4))),
        new PrimitiveDataFrameColumn<double>("validation_auc", Trials.Select(t => Math.Round(t.Validation.Auc, 4))),
        new PrimitiveDataFrameColumn<double>("validation_log_loss", Trials.Select(t => Math.Round(t.Validation.LogLoss, 4))),
        new PrimitiveDataFrameColumn<double>("seconds", Trials.Select(t => Math.Round(t.Elapsed.TotalSeconds, 3))));
}

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
}

using System.Globalization;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>Options of <see cref="LeakageAudit"/>.</summary>
public sealed record LeakageAuditOptions
{
    /// <summary>The defaults: flag a single feature whose validation AUC is beyond 0.5 ± 0.15; 20 causality cuts.</summary>
    public static LeakageAuditOptions Default { get; } = new();

    /// <summary>
    /// A feature alone ranking validation labels with <c>|AUC − 0.5|</c> above this is implausible for market data
    /// and flagged; default 0.15 (AUC above 0.65 or below 0.35). A heuristic: a strong honest feature can come near it
    /// (the planted-edge market's 5-minute return reaches about 0.65), which is why the causality probe is the proof. In (0, 0.5).
    /// </summary>
    public double MaxSingleFeatureEdge { get; init; } = 0.15;

    /// <summary>Cut points of the causality probe (evenly spaced over the bars); default 20. In [1, 1000].</summary>
    public int Cuts { get; init; } = 20;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (!(MaxSingleFeatureEdge > 0 && MaxSingleFeatureEdge < 0.5))
        {
            errors.Add($"{nameof(MaxSingleFeatureEdge)} must be in (0, 0.5), was {MaxSingleFeatureEdge.ToString(CultureInfo.InvariantCulture)}");
        }
        if (Cuts is < 1 or > 1000)
        {
            errors.Add($"{nameof(Cuts)} must be in [1, 1000], was {Cuts}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("leakage audit options", errors);
        }
    }
}

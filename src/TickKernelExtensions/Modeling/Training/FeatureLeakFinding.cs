namespace TickKernelExtensions.Modeling.Training;

/// <summary>What <see cref="LeakageAudit"/> found about one feature column.</summary>
/// <param name="Feature">The column.</param>
/// <param name="ValidationAuc">The column's own AUC as a score of the validation labels (NaN when not measured).</param>
/// <param name="ImplausiblyPredictive">Its AUC is further from 0.5 than the audit allows.</param>
/// <param name="CausalityViolations">Rows whose value changed when later bars were removed (0 when not probed).</param>
/// <param name="FirstViolation">The first such row, described, or null.</param>
public sealed record FeatureLeakFinding(string Feature, double ValidationAuc, bool ImplausiblyPredictive, int CausalityViolations, string? FirstViolation)
{
    /// <summary>True when either check flags the feature.</summary>
    public bool Suspect => ImplausiblyPredictive || CausalityViolations > 0;
}

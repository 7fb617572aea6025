namespace TickKernelExtensions.Modeling.Training;

/// <summary>Options of <see cref="OverfittingReport"/>.</summary>
public sealed record OverfittingReportOptions
{
    /// <summary>The defaults: 3 permutation repeats, 10 calibration bins, seed 1.</summary>
    public static OverfittingReportOptions Default { get; } = new();

    /// <summary>Shuffles per feature for permutation importance; default 3. In [1, 100].</summary>
    public int PermutationRepeats { get; init; } = 3;

    /// <summary>Equal-width reliability bins; default 10. In [2, 100].</summary>
    public int CalibrationBins { get; init; } = 10;

    /// <summary>The seed of the permutations; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (PermutationRepeats is < 1 or > 100)
        {
            errors.Add($"{nameof(PermutationRepeats)} must be in [1, 100], was {PermutationRepeats}");
        }
        if (CalibrationBins is < 2 or > 100)
        {
            errors.Add($"{nameof(CalibrationBins)} must be in [2, 100], was {CalibrationBins}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("overfitting report options", errors);
        }
    }
}

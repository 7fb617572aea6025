namespace TickKernelExtensions.Modeling.Splits;

/// <summary>Options of <see cref="PurgedKFold"/>.</summary>
public sealed record PurgedKFoldOptions
{
    /// <summary>The defaults: 5 folds, no embargo.</summary>
    public static PurgedKFoldOptions Default { get; } = new();

    /// <summary>Number of folds; default 5. At least 2 (and at most the number of samples).</summary>
    public int Folds { get; init; } = 5;

    /// <summary>
    /// Embargo: a training sample whose event time falls in <c>(test end, test end + Embargo]</c>, where the test end is
    /// the last label end of the test fold, is dropped; default zero (none). Non-negative.
    /// </summary>
    public TimeSpan Embargo { get; init; } = TimeSpan.Zero;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Folds < 2)
        {
            errors.Add($"{nameof(Folds)} must be at least 2, was {Folds}");
        }
        if (Embargo < TimeSpan.Zero)
        {
            errors.Add($"{nameof(Embargo)} must not be negative, was {Embargo}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("purged k-fold options", errors);
        }
    }
}

namespace TickKernelExtensions.Modeling.Training;

/// <summary>Options of <see cref="TrainingSetBuilder"/>.</summary>
public sealed record TrainingSetOptions
{
    /// <summary>The defaults: every column of the feature table, uniqueness weights.</summary>
    public static TrainingSetOptions Default { get; } = new();

    /// <summary>The feature columns to use, in vector order; default null = every column of the table, in table order.</summary>
    public IReadOnlyList<string>? FeatureColumns { get; init; }

    /// <summary>
    /// Weight samples by their average uniqueness on the bar-close grid (AFML ch. 4), scaled to mean 1 over the
    /// labels given; default true. False gives every sample weight 1.
    /// </summary>
    public bool UniquenessWeights { get; init; } = true;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (FeatureColumns is { } columns)
        {
            if (columns.Count == 0)
            {
                errors.Add($"{nameof(FeatureColumns)} must name at least one column (null selects all)");
            }
            foreach (var duplicate in columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                errors.Add($"{nameof(FeatureColumns)} names '{duplicate.Key}' {duplicate.Count()} times");
            }
            if (columns.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{nameof(FeatureColumns)} holds an empty name");
            }
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("training set options", errors);
        }
    }
}

using System.Globalization;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Options of <see cref="HyperparameterSearch"/>: a grid of tree hyperparameters, visited in a seeded random order,
/// within a trial count and an optional time budget.
/// </summary>
public sealed record HyperparameterSearchOptions
{
    /// <summary>The defaults: at most 12 trials, no time budget, seed 1, refit on train, the grid below over LightGBM defaults.</summary>
    public static HyperparameterSearchOptions Default { get; } = new();

    /// <summary>The options every candidate starts from (learner, weights, seed); default <see cref="PatternModelOptions.Default"/>.</summary>
    public PatternModelOptions Base { get; init; } = PatternModelOptions.Default;

    /// <summary>Maximum trials; default 12. At least 1.</summary>
    public int MaxTrials { get; init; } = 12;

    /// <summary>
    /// Wall time after which no new trial starts (a running one finishes), measured on the injected
    /// <see cref="TimeProvider"/>; default null (none). Positive. The first trial always runs.
    /// </summary>
    public TimeSpan? TimeBudget { get; init; }

    /// <summary>The seed of the candidate order; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Candidate tree counts; default 50, 100, 200.</summary>
    public IReadOnlyList<int> Trees { get; init; } = [50, 100, 200];

    /// <summary>Candidate leaf counts; default 4, 8, 16, 32.</summary>
    public IReadOnlyList<int> Leaves { get; init; } = [4, 8, 16, 32];

    /// <summary>Candidate minimum samples per leaf; default 20, 50, 100.</summary>
    public IReadOnlyList<int> MinimumExamplesPerLeaf { get; init; } = [20, 50, 100];

    /// <summary>Candidate learning rates; default 0.03, 0.05, 0.1.</summary>
    public IReadOnlyList<double> LearningRates { get; init; } = [0.03, 0.05, 0.1];

    /// <summary>What the best parameters are refitted on; default <see cref="RefitPart.Train"/>.</summary>
    public RefitPart RefitOn { get; init; } = RefitPart.Train;

    /// <summary>Checks every field (and every grid point) and throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Base is null)
        {
            errors.Add($"{nameof(Base)} is required");
        }
        if (MaxTrials < 1)
        {
            errors.Add($"{nameof(MaxTrials)} must be at least 1, was {MaxTrials}");
        }
        if (TimeBudget is { } budget && budget <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(TimeBudget)} must be positive or null, was {budget}");
        }
        if (!Enum.IsDefined(RefitOn))
        {
            errors.Add($"{nameof(RefitOn)} has an unknown value {(int)RefitOn}");
        }
        NotEmpty(errors, nameof(Trees), Trees);
        NotEmpty(errors, nameof(Leaves), Leaves);
        NotEmpty(errors, nameof(MinimumExamplesPerLeaf), MinimumExamplesPerLeaf);
        NotEmpty(errors, nameof(LearningRates), LearningRates);
        if (errors.Count == 0)
        {
            foreach (var candidate in Grid())
            {
                try
                {
                    candidate.Validate();
                }
                catch (ModelingException e)
                {
                    errors.Add(string.Create(CultureInfo.InvariantCulture, $"grid point {candidate.Describe()}: {e.Message}"));
                    break;
                }
            }
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("hyperparameter search options", errors);
        }
    }

    /// <summary>Every grid point, in grid order (trees, leaves, minimum per leaf, learning rate).</summary>
    internal IEnumerable<PatternModelOptions> Grid() =>
        from trees in Trees
        from leaves in Leaves
        from minLeaf in MinimumExamplesPerLeaf
        from rate in LearningRates
        select Base with { NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minLeaf, LearningRate = rate };

    private static void NotEmpty<T>(List<string> errors, string name, IReadOnlyList<T>? values)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add($"{name} must hold at least one candidate");
        }
    }
}

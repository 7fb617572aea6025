using System.Globalization;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Options of <see cref="PatternModel"/>: the learner and its tree hyperparameters. Both learners run on one thread
/// with a fixed seed, so equal options and data give byte-identical models.
/// </summary>
public sealed record PatternModelOptions
{
    /// <summary>The defaults: LightGBM, 100 trees of at most 8 leaves, learning rate 0.05, 50 samples per leaf, seed 1.</summary>
    public static PatternModelOptions Default { get; } = new();

    /// <summary>The learner; default <see cref="PatternTrainer.LightGbm"/>.</summary>
    public PatternTrainer Trainer { get; init; } = PatternTrainer.LightGbm;

    /// <summary>Boosting rounds (trees); default 100. In [1, 10 000].</summary>
    public int NumberOfTrees { get; init; } = 100;

    /// <summary>Maximum leaves per tree; default 8. In [2, 1 024].</summary>
    public int NumberOfLeaves { get; init; } = 8;

    /// <summary>Minimum samples in a leaf; default 50. At least 1.</summary>
    public int MinimumExampleCountPerLeaf { get; init; } = 50;

    /// <summary>Shrinkage per tree; default 0.05. In (0, 1].</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Use the training set's uniqueness weights as example weights; default true.</summary>
    public bool UseWeights { get; init; } = true;

    /// <summary>The seed of ML.NET's context and of the learner; default 1.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Trainer))
        {
            errors.Add($"{nameof(Trainer)} has an unknown value {(int)Trainer}");
        }
        if (NumberOfTrees is < 1 or > 10_000)
        {
            errors.Add($"{nameof(NumberOfTrees)} must be in [1, 10000], was {NumberOfTrees}");
        }
        if (NumberOfLeaves is < 2 or > 1_024)
        {
            errors.Add($"{nameof(NumberOfLeaves)} must be in [2, 1024], was {NumberOfLeaves}");
        }
        if (MinimumExampleCountPerLeaf < 1)
        {
            errors.Add($"{nameof(MinimumExampleCountPerLeaf)} must be at least 1, was {MinimumExampleCountPerLeaf}");
        }
        if (!(LearningRate > 0 && LearningRate <= 1))
        {
            errors.Add($"{nameof(LearningRate)} must be in (0, 1], was {LearningRate.ToString(CultureInfo.InvariantCulture)}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("pattern model options", errors);
        }
    }

    /// <summary>A compact invariant description, e.g. <c>LightGbm trees=100 leaves=16 minLeaf=20 lr=0.05</c>.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Trainer} trees={NumberOfTrees} leaves={NumberOfLeaves} minLeaf={MinimumExampleCountPerLeaf} lr={LearningRate}");
}

using System.Globalization;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>
/// How walk-forward validation cuts time into folds: each fold trains on a window of the past and trades the window
/// after it, as retraining in production would. Rolling windows keep the training length fixed; anchored windows keep
/// the start fixed and grow. A gap between the training end and the trading start keeps labels and features that
/// straddle the boundary out of training (set it to at least the label horizon).
/// </summary>
public sealed record WalkForwardOptions
{
    /// <summary>Length of each training window (anchored: of the first one).</summary>
    public required TimeSpan TrainWindow { get; init; }

    /// <summary>Length of each trading (out-of-sample) window.</summary>
    public required TimeSpan TestWindow { get; init; }

    /// <summary>How far each fold moves on; null moves by <see cref="TestWindow"/>, so the trading windows tile time.</summary>
    public TimeSpan? Step { get; init; }

    /// <summary>True: every training window starts at the data's start and grows (anchored); false: rolling.</summary>
    public bool Anchored { get; init; }

    /// <summary>Time between a training window's end and its trading window's start (purge / embargo); default none.</summary>
    public TimeSpan Gap { get; init; }

    /// <summary>At most this many folds (the earliest); null: as many as the data holds.</summary>
    public int? MaxFolds { get; init; }

    /// <summary>The step in force.</summary>
    public TimeSpan EffectiveStep => Step ?? TestWindow;

    /// <summary>Every invalid field at once.</summary>
    /// <exception cref="ArgumentException">The message lists each invalid field with its value.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (TrainWindow <= TimeSpan.Zero)
        {
            errors.Add($"TrainWindow must be positive, was {TrainWindow}");
        }
        if (TestWindow <= TimeSpan.Zero)
        {
            errors.Add($"TestWindow must be positive, was {TestWindow}");
        }
        if (Step is { } step && step <= TimeSpan.Zero)
        {
            errors.Add($"Step must be positive, was {step}");
        }
        if (Step is { } s && s < TestWindow)
        {
            errors.Add($"Step ({s}) must be at least TestWindow ({TestWindow}): overlapping trading windows would count the same out-of-sample time twice");
        }
        if (Gap < TimeSpan.Zero)
        {
            errors.Add($"Gap must not be negative, was {Gap}");
        }
        if (MaxFolds is { } max && max < 1)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"MaxFolds must be at least 1, was {max}"));
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid walk-forward options: " + string.Join("; ", errors) + ".");
        }
    }
}

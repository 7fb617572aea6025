using System.Globalization;

namespace TickKernelExtensions.Modeling.Splits;

/// <summary>Options of <see cref="ChronologicalSplitter"/>. The test part gets the samples left after train and validation.</summary>
public sealed record ChronologicalSplitOptions
{
    /// <summary>The defaults: 60 % train, 20 % validation, 20 % test, no embargo.</summary>
    public static ChronologicalSplitOptions Default { get; } = new();

    /// <summary>Share of the samples (by event time) that are train candidates; default 0.6. In (0, 1).</summary>
    public double TrainFraction { get; init; } = 0.6;

    /// <summary>Share of the samples that are validation candidates; default 0.2. In (0, 1); with train below 1.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>
    /// Embargo after each part: a sample of the next part whose event time is less than this after the part
    /// boundary is dropped; default zero (none). Non-negative.
    /// </summary>
    public TimeSpan Embargo { get; init; } = TimeSpan.Zero;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidOptions) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        Fraction(errors, nameof(TrainFraction), TrainFraction);
        Fraction(errors, nameof(ValidationFraction), ValidationFraction);
        if (TrainFraction + ValidationFraction >= 1)
        {
            errors.Add($"{nameof(TrainFraction)} + {nameof(ValidationFraction)} must be below 1 to leave a test part, was {(TrainFraction + ValidationFraction).ToString(CultureInfo.InvariantCulture)}");
        }
        if (Embargo < TimeSpan.Zero)
        {
            errors.Add($"{nameof(Embargo)} must not be negative, was {Embargo}");
        }
        if (errors.Count > 0)
        {
            throw ModelingException.InvalidOptions("chronological split options", errors);
        }
    }

    private static void Fraction(List<string> errors, string name, double value)
    {
        if (!(value > 0 && value < 1))
        {
            errors.Add($"{name} must be in (0, 1), was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

using System.Globalization;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// The test-once rule as an object: the only way the report scores the test part. The first
/// <see cref="Evaluate"/> scores it and records when (on the injected <see cref="TimeProvider"/>); any further call
/// throws <see cref="ModelingException"/> (TestReused), whichever model it is asked about, because a second look at
/// the test split turns it into a validation split. Thread safe.
/// </summary>
public sealed class HoldoutTest
{
    private readonly TrainingPart _test;
    private readonly TimeProvider _time;
    private HoldoutResult? _result;
    private int _used;

    /// <summary>Guards the test part of <paramref name="set"/>; <paramref name="time"/> defaults to the system clock.</summary>
    public HoldoutTest(TrainingSet set, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        _test = set.Test;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>Whether this holdout guards the test part of <paramref name="set"/>.</summary>
    public bool Guards(TrainingSet set) => ReferenceEquals(set?.Test, _test);

    /// <summary>Whether the test part has been evaluated.</summary>
    public bool IsUsed => Volatile.Read(ref _used) != 0;

    /// <summary>The one evaluation, once it happened.</summary>
    public HoldoutResult? Result => Volatile.Read(ref _result);

    /// <summary>Scores the test part with <paramref name="model"/>: allowed exactly once.</summary>
    /// <exception cref="ModelingException">TestReused on any call after the first.</exception>
    public HoldoutResult Evaluate(PatternModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (Interlocked.Exchange(ref _used, 1) != 0)
        {
            var first = Result;
            throw new ModelingException(ModelingErrorKind.TestReused,
                "The test split was already evaluated; a second evaluation would make it a validation split. Tune on validation, test once.")
            {
                Field = "test",
                Expected = "one evaluation",
                Actual = first is null
                    ? "a second evaluation while the first is running"
                    : string.Create(CultureInfo.InvariantCulture, $"a second evaluation; the first was at {first.EvaluatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'} with {first.Model}"),
            };
        }
        var probabilities = model.PredictProbabilities(_test);
        var result = new HoldoutResult(BinaryMetrics.Compute(_test.Labels, probabilities), probabilities, _time.GetUtcNow(),
            model.Options.Describe());
        Volatile.Write(ref _result, result);
        return result;
    }
}

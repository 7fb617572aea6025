namespace TickKernelExtensions.Modeling;

/// <summary>Machine-readable reason of a <see cref="ModelingException"/>.</summary>
public enum ModelingErrorKind
{
    /// <summary>An options record has one or more invalid fields (all are named in the message).</summary>
    InvalidOptions,
    /// <summary>An input column is malformed: lengths differ, values unordered, NaN, a window ends before it starts.</summary>
    InvalidInput,
    /// <summary>An event (or its vertical barrier) lies outside the time range of the ticks given.</summary>
    OutOfRange,
    /// <summary>A split lets a label window of one part overlap another part.</summary>
    Leakage,
    /// <summary>A signal document is not valid JSON of the expected shape.</summary>
    MalformedJson,
    /// <summary>The test split was asked for a second evaluation (the test-once rule).</summary>
    TestReused,
    /// <summary>Training could not run or produced nothing usable (e.g. one class only in the training part).</summary>
    TrainingFailed,
}

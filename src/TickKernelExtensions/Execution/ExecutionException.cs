namespace TickKernelExtensions.Execution;

/// <summary>
/// The one exception type of the execution layer. <see cref="Kind"/> is machine readable; the message names the file
/// and line (journal errors), the field, and the expected and actual value when they are known.
/// </summary>
public sealed class ExecutionException : Exception
{
    public ExecutionException(ExecutionErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ExecutionException() : this(ExecutionErrorKind.InvalidInput, "Execution error.") { }

    public ExecutionException(string message) : this(ExecutionErrorKind.InvalidInput, message) { }

    public ExecutionException(string message, Exception inner) : this(ExecutionErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public ExecutionErrorKind Kind { get; }

    /// <summary>The journal file concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>The 1-based journal line concerned, when known.</summary>
    public int? Line { get; init; }

    /// <summary>The field (option, record or signal field) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(
        File is null ? null : Line is null ? File : $"{File}:{Line.Value}",
        base.Message, ErrorText.Field(Field), ErrorText.Expected(Expected), ErrorText.Actual(Actual));

    internal static ExecutionException InvalidOptions(string what, List<string> errors) =>
        new(ExecutionErrorKind.InvalidOptions, $"Invalid {what}: {string.Join("; ", errors)}.");
}

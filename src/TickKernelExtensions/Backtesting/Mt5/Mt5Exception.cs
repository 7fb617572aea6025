namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// The one exception type of the MT5 bridge. <see cref="Kind"/> is machine readable; the message names the file and
/// line (or the input row), the field, and the expected and actual value when they are known.
/// </summary>
public sealed class Mt5Exception : Exception
{
    public Mt5Exception(Mt5ErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public Mt5Exception() : this(Mt5ErrorKind.InvalidInput, "MT5 bridge error.") { }

    public Mt5Exception(string message) : this(Mt5ErrorKind.InvalidInput, message) { }

    public Mt5Exception(string message, Exception inner) : this(Mt5ErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public Mt5ErrorKind Kind { get; }

    /// <summary>The file concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>1-based line number in <see cref="File"/> (or of the row being written), when known.</summary>
    public long? Line { get; init; }

    /// <summary>The field (column or option) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(
        File is null ? Line is { } row ? $"line {row}" : null : Line is { } line ? $"{File}:{line}" : File,
        base.Message,
        ErrorText.Field(Field),
        ErrorText.Expected(Expected),
        ErrorText.Actual(Actual, quoted: true));
}

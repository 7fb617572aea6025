
namespace TickKernelExtensions.Market;

/// <summary>
/// The one exception type of the market-data layer (catalogue, codecs, download, import, tick files). <see cref="Kind"/> is machine readable; the message
/// names the file, line, field, expected and actual value when they are known.
/// </summary>
public sealed class MarketDataException : Exception
{
    public MarketDataException(MarketDataErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public MarketDataException() : this(MarketDataErrorKind.CorruptPayload, "Market data error.") { }

    public MarketDataException(string message) : this(MarketDataErrorKind.CorruptPayload, message) { }

    public MarketDataException(string message, Exception inner) : this(MarketDataErrorKind.CorruptPayload, message, inner) { }

    /// <summary>Why it failed.</summary>
    public MarketDataErrorKind Kind { get; }

    /// <summary>The file or URL concerned, when known.</summary>
    public string? File { get; init; }

    /// <summary>1-based line number in <see cref="File"/>, when known.</summary>
    public long? Line { get; init; }

    /// <summary>The field (column) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(
        File is null ? null : Line is { } line ? $"{File}:{line}" : File,
        base.Message,
        Field is not null && !base.Message.Contains($"field '{Field}'", StringComparison.Ordinal) ? ErrorText.Field(Field) : null,
        ErrorText.Expected(Expected),
        ErrorText.Actual(Actual, quoted: true));

    /// <summary>Copies this error with the source (and line) filled in, keeping everything else.</summary>
    public MarketDataException At(string source, long? line = null) =>
        new(Kind, base.Message, InnerException)
        {
            File = source,
            Line = line ?? Line,
            Field = Field,
            Expected = Expected,
            Actual = Actual,
        };
}

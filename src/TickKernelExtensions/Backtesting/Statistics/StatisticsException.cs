namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// The one exception type of backtest statistics and reports. <see cref="Kind"/> is machine readable; the message names
/// the field, the row (equity point or trade index) and the expected and actual value when they are known.
/// </summary>
public sealed class StatisticsException : Exception
{
    public StatisticsException(StatisticsErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public StatisticsException() : this(StatisticsErrorKind.InvalidInput, "Statistics error.") { }

    public StatisticsException(string message) : this(StatisticsErrorKind.InvalidInput, message) { }

    public StatisticsException(string message, Exception inner) : this(StatisticsErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public StatisticsErrorKind Kind { get; }

    /// <summary>The field (input or option) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>The 0-based row (equity point or trade) concerned, when known.</summary>
    public int? Row { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(null, base.Message,
        Field is null ? null : ErrorText.Field(Field) + (Row is null ? "" : $" row {Row.Value}"),
        ErrorText.Expected(Expected), ErrorText.Actual(Actual));

    internal static StatisticsException Input(string message, string field, string expected, string actual, int? row = null) =>
        new(StatisticsErrorKind.InvalidInput, message) { Field = field, Row = row, Expected = expected, Actual = actual };
}

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The one exception type of the tick backtester. <see cref="Kind"/> is machine readable; the message names the field
/// (option, column or order field), the row or time, and the expected and actual value when they are known.
/// </summary>
public sealed class BacktestException : Exception
{
    public BacktestException(BacktestErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public BacktestException() : this(BacktestErrorKind.InvalidInput, "Backtest error.") { }

    public BacktestException(string message) : this(BacktestErrorKind.InvalidInput, message) { }

    public BacktestException(string message, Exception inner) : this(BacktestErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public BacktestErrorKind Kind { get; }

    /// <summary>The field (option, tick column, order or signal field) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>The 0-based tick (or signal) row concerned, when known.</summary>
    public int? Row { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(null, base.Message,
        Field is null ? null : ErrorText.Field(Field) + (Row is null ? "" : $" row {Row.Value}"),
        ErrorText.Expected(Expected), ErrorText.Actual(Actual));

    internal static BacktestException InvalidOptions(string what, List<string> errors) =>
        new(BacktestErrorKind.InvalidOptions, $"Invalid {what}: {string.Join("; ", errors)}.");
}

namespace TickKernelExtensions.Modeling;

/// <summary>
/// The one exception type of the modelling layer (labels, splits, signals, training, anomaly). <see cref="Kind"/> is machine readable;
/// the message names the field (column or option), the row, and the expected and actual value when they are known.
/// </summary>
public sealed class ModelingException : Exception
{
    public ModelingException(ModelingErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ModelingException() : this(ModelingErrorKind.InvalidInput, "Modeling error.") { }

    public ModelingException(string message) : this(ModelingErrorKind.InvalidInput, message) { }

    public ModelingException(string message, Exception inner) : this(ModelingErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public ModelingErrorKind Kind { get; }

    /// <summary>The field (input column or option) concerned, when known.</summary>
    public string? Field { get; init; }

    /// <summary>The 0-based row of the input column concerned, when known.</summary>
    public int? Row { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message => ErrorText.Compose(null, base.Message,
        Field is null ? null : ErrorText.Field(Field) + (Row is null ? "" : $" row {Row.Value}"),
        ErrorText.Expected(Expected), ErrorText.Actual(Actual));

    internal static ModelingException InvalidOptions(string what, List<string> errors) =>
        new(ModelingErrorKind.InvalidOptions, $"Invalid {what}: {string.Join("; ", errors)}.");
}

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// The exception of the model bundle (writer, loader, scorer). A bundle is a boundary between processes (trainer and
/// serving host), so it has its own type, as datasets and tracking do. <see cref="Kind"/> is machine readable; the
/// message names the file, the field (column, feature, metric) and the expected and actual values when known.
/// </summary>
public sealed class ModelBundleException : Exception
{
    public ModelBundleException(ModelBundleErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public ModelBundleException() : this(ModelBundleErrorKind.InvalidInput, "Model bundle error.") { }

    public ModelBundleException(string message) : this(ModelBundleErrorKind.InvalidInput, message) { }

    public ModelBundleException(string message, Exception inner) : this(ModelBundleErrorKind.InvalidInput, message, inner) { }

    /// <summary>Why it failed.</summary>
    public ModelBundleErrorKind Kind { get; }

    /// <summary>The bundle file concerned (relative to the bundle folder, e.g. <c>model.zip</c>), when known.</summary>
    public string? File { get; init; }

    /// <summary>The field concerned (an input column, a feature, a metric), when known.</summary>
    public string? Field { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message =>
        ErrorText.Compose(File, base.Message, ErrorText.Field(Field), ErrorText.Expected(Expected), ErrorText.Actual(Actual));
}

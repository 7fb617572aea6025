using System.Text;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// The exception type of the lakehouse catalog. <see cref="Kind"/> is machine readable; the message names the
/// catalog, the namespace or table, and the expected and actual value when they are known.
/// </summary>
public class CatalogException : Exception
{
    public CatalogException(CatalogErrorKind kind, string message, Exception? inner = null)
        : base(message, inner) => Kind = kind;

    public CatalogException() : this(CatalogErrorKind.InvalidOptions, "Catalog error.") { }

    public CatalogException(string message) : this(CatalogErrorKind.InvalidOptions, message) { }

    public CatalogException(string message, Exception inner) : this(CatalogErrorKind.InvalidOptions, message, inner) { }

    /// <summary>Why it failed.</summary>
    public CatalogErrorKind Kind { get; }

    /// <summary>The namespace or table concerned (dotted, e.g. <c>bronze.ticks</c>), when known.</summary>
    public string? Identifier { get; init; }

    /// <summary>What was expected, when known.</summary>
    public string? Expected { get; init; }

    /// <summary>What was found, when known.</summary>
    public string? Actual { get; init; }

    /// <inheritdoc />
    public override string Message
    {
        get
        {
            var details = new List<string>(2);
            if (Expected is not null)
            {
                details.Add($"expected {Expected}");
            }
            if (Actual is not null)
            {
                details.Add($"actual '{Actual}'");
            }
            if (details.Count == 0)
            {
                return base.Message;
            }
            return new StringBuilder(base.Message).Append(" (").Append(string.Join(", ", details)).Append(')').ToString();
        }
    }
}

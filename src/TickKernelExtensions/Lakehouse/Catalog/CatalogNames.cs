using System.Text.RegularExpressions;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// The identifier rules of the catalog, checked before any SQL runs (all SQL is parameterised as well).
/// A name — a catalog name, a namespace level or a table name — is 1 to <see cref="MaxNameLength"/> characters of
/// lower-case ASCII letters, digits and underscores, starting with a letter or an underscore. Lower case because
/// Trino and Spark fold unquoted identifiers to lower case, so a mixed-case name would be unreachable from them.
/// A namespace is one or more levels joined by <c>.</c> (Iceberg's JDBC catalog stores nested namespaces that way),
/// at most <see cref="MaxNamespaceLength"/> characters in all: the width of the <c>table_namespace</c> column.
/// </summary>
public static partial class CatalogNames
{
    /// <summary>The longest name (one namespace level, a table name or the catalog name).</summary>
    public const int MaxNameLength = 128;

    /// <summary>The longest dotted namespace: <c>VARCHAR(255)</c> in Iceberg's schema.</summary>
    public const int MaxNamespaceLength = 255;

    /// <summary>The longest metadata location: <c>VARCHAR(1000)</c> in Iceberg's schema.</summary>
    public const int MaxLocationLength = 1000;

    private const string Rule = "1-128 characters of a-z, 0-9 and '_', starting with a letter or '_'";

    /// <summary>Throws <see cref="CatalogErrorKind.InvalidIdentifier"/> unless <paramref name="name"/> is a valid name.</summary>
    /// <param name="name">The name.</param>
    /// <param name="what">What the name is, for the message (<c>table name</c>, <c>catalog name</c>, ...).</param>
    public static string ValidateName(string? name, string what)
    {
        if (name is null || !NamePattern().IsMatch(name))
        {
            throw new CatalogException(CatalogErrorKind.InvalidIdentifier, $"Invalid {what}{Describe(name)}")
            {
                Identifier = name,
                Expected = Rule,
                Actual = name ?? "null",
            };
        }
        return name;
    }

    /// <summary>Throws <see cref="CatalogErrorKind.InvalidIdentifier"/> unless <paramref name="ns"/> is a valid dotted namespace.</summary>
    public static string ValidateNamespace(string? ns)
    {
        if (string.IsNullOrEmpty(ns))
        {
            throw new CatalogException(CatalogErrorKind.InvalidIdentifier, "Invalid namespace: it is empty")
            {
                Expected = "one or more dot-separated levels, each " + Rule,
                Actual = ns ?? "null",
            };
        }
        if (ns.Length > MaxNamespaceLength)
        {
            throw new CatalogException(CatalogErrorKind.InvalidIdentifier, $"Invalid namespace '{ns}': {ns.Length} characters")
            {
                Identifier = ns,
                Expected = $"at most {MaxNamespaceLength} characters",
                Actual = ns.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        foreach (var level in ns.Split('.'))
        {
            if (!NamePattern().IsMatch(level))
            {
                throw new CatalogException(CatalogErrorKind.InvalidIdentifier, $"Invalid namespace '{ns}': level{Describe(level)}")
                {
                    Identifier = ns,
                    Expected = "every dot-separated level " + Rule,
                    Actual = level,
                };
            }
        }
        return ns;
    }

    /// <summary>Throws <see cref="CatalogErrorKind.InvalidLocation"/> unless the metadata location fits the catalog column.</summary>
    public static string ValidateLocation(string? location, string what, TableIdentifier table)
    {
        if (string.IsNullOrWhiteSpace(location) || location.Length > MaxLocationLength)
        {
            throw new CatalogException(CatalogErrorKind.InvalidLocation, $"Invalid {what} for table '{table}'")
            {
                Identifier = table.ToString(),
                Expected = $"a non-blank location of at most {MaxLocationLength} characters",
                Actual = location is null ? "null" : location.Length > 80 ? $"{location.Length} characters" : location,
            };
        }
        return location;
    }

    private static string Describe(string? name) =>
        name is null ? " (null)"
        : name.Length == 0 ? " (empty)"
        : name.Length > MaxNameLength ? $" ({name.Length} characters)"
        : name.FirstOrDefault(c => !IsNameChar(c)) is var bad and not '\0' ? $" '{name}': character '{bad}' is not allowed"
        : $" '{name}'";

    private static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_';

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// A table in the catalog: a dotted namespace (<c>bronze</c>, or nested <c>research.eurusd</c>) and a name.
/// Both are validated on construction (<see cref="CatalogNames"/>); <see cref="ToString"/> is <c>namespace.name</c>.
/// </summary>
public sealed record TableIdentifier
{
    /// <summary>A validated identifier.</summary>
    /// <exception cref="CatalogException">Kind <see cref="CatalogErrorKind.InvalidIdentifier"/>.</exception>
    public TableIdentifier(string @namespace, string name)
    {
        Namespace = CatalogNames.ValidateNamespace(@namespace);
        Name = CatalogNames.ValidateName(name, "table name");
    }

    private TableIdentifier(string @namespace, string name, bool _)
    {
        Namespace = @namespace;
        Name = name;
    }

    /// <summary>The dotted namespace, as stored in <c>iceberg_tables.table_namespace</c>.</summary>
    public string Namespace { get; }

    /// <summary>The table name, as stored in <c>iceberg_tables.table_name</c>.</summary>
    public string Name { get; }

    /// <summary>Parses <c>namespace.name</c>: the last dot separates the name (<c>a.b.t</c> is table <c>t</c> in <c>a.b</c>).</summary>
    /// <exception cref="CatalogException">Kind <see cref="CatalogErrorKind.InvalidIdentifier"/>.</exception>
    public static TableIdentifier Parse(string dotted)
    {
        var dot = dotted?.LastIndexOf('.') ?? -1;
        if (dot <= 0)
        {
            throw new CatalogException(CatalogErrorKind.InvalidIdentifier, $"Invalid table identifier '{dotted}'")
            {
                Identifier = dotted,
                Expected = "namespace.name",
                Actual = dotted ?? "null",
            };
        }
        return new TableIdentifier(dotted![..dot], dotted[(dot + 1)..]);
    }

    /// <summary>An identifier read back from a catalog row, which another engine may have written under looser rules.</summary>
    internal static TableIdentifier Unchecked(string @namespace, string name) => new(@namespace, name, false);

    /// <inheritdoc />
    public override string ToString() => Namespace + "." + Name;
}

using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>What <see cref="LakehouseSql.OpenAsync"/> opens: the catalog, and how table locations reach local disk.</summary>
public sealed record LakehouseSqlOptions
{
    /// <summary>The JDBC catalog (SQLite by default: <c>data/catalog.db</c>; see <see cref="JdbcCatalogOptions.FromEnvironment"/>).</summary>
    public JdbcCatalogOptions Catalog { get; init; } = new();

    /// <summary>
    /// Location prefix → local folder (e.g. <c>s3://bucket/</c> → a folder holding the bucket's copy), for tables
    /// whose files live under a location DuckDB should read from disk (default: none; <c>file:</c> URIs and local
    /// paths are read as they are). Ignored when <see cref="FileIO"/> is set.
    /// </summary>
    public IReadOnlyDictionary<string, string> LocationPrefixes { get; init; } = new Dictionary<string, string>();

    /// <summary>The file IO to use instead of a <see cref="LocalIcebergFileIO"/> over <see cref="LocationPrefixes"/> (default null).</summary>
    public IIcebergFileIO? FileIO { get; init; }

    /// <summary>The file IO these options describe.</summary>
    public IIcebergFileIO ResolveFileIO() => FileIO ?? new LocalIcebergFileIO(LocationPrefixes);
}

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>The database a <see cref="JdbcCatalog"/> keeps its tables in.</summary>
public enum CatalogBackend
{
    /// <summary>A SQLite file (default <c>data/catalog.db</c>): the embedded default, nothing to run.</summary>
    Sqlite,
    /// <summary>A PostgreSQL database through Npgsql: the production catalog Trino, Spark and pyiceberg share.</summary>
    PostgreSql,
}

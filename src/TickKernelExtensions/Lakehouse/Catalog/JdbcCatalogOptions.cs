using Microsoft.Extensions.Logging;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// Where a <see cref="JdbcCatalog"/> keeps its tables and how it behaves. Build one with <see cref="Sqlite"/>,
/// <see cref="PostgreSql"/> or <see cref="FromEnvironment"/>; <see cref="Validate"/> reports every bad field at once.
/// </summary>
public sealed record JdbcCatalogOptions
{
    /// <summary>The environment variable that points the catalog at PostgreSQL: <see cref="FromEnvironment"/>.</summary>
    public const string EnvironmentVariable = "TICK_CATALOG";

    /// <summary>The default catalog name (the value of <c>iceberg_tables.catalog_name</c>).</summary>
    public const string DefaultCatalogName = "lake";

    /// <summary>The SQLite file name below the data root.</summary>
    public const string SqliteFileName = "catalog.db";

    /// <summary>The database kind (default <see cref="CatalogBackend.Sqlite"/>).</summary>
    public CatalogBackend Backend { get; init; } = CatalogBackend.Sqlite;

    /// <summary>
    /// For SQLite, the database file (created with its folder when missing); for PostgreSQL, an Npgsql connection
    /// string (<c>Host=…;Port=5432;Database=…;Username=…;Password=…</c>). It is never logged.
    /// </summary>
    public string Connection { get; init; } = Path.Combine("data", SqliteFileName);

    /// <summary>
    /// The catalog name, stored in every row (<c>catalog_name</c>). Trino's <c>iceberg.jdbc-catalog.catalog-name</c>,
    /// Spark's <c>spark.sql.catalog.&lt;name&gt;</c> and pyiceberg's catalog name must equal it to see our tables
    /// (default <c>lake</c>).
    /// </summary>
    public string CatalogName { get; init; } = DefaultCatalogName;

    /// <summary>
    /// Create the catalog tables when they are missing, and add <c>iceberg_type</c> to a V0 <c>iceberg_tables</c>
    /// (Iceberg's <c>jdbc.init-catalog-tables</c>; default true). When false, missing tables are an error.
    /// </summary>
    public bool InitializeCatalogTables { get; init; } = true;

    /// <summary>How long a SQLite statement waits for another writer's lock before failing (default 30 s).</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The retry policy of <see cref="JdbcCatalog.CommitWithRetryAsync"/> when the caller passes none.</summary>
    public CommitRetryOptions CommitRetry { get; init; } = new();

    /// <summary>The clock that times commit backoff (default: the system clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Structured events: commits, lost races, schema upgrades (default: none).</summary>
    public ILogger? Logger { get; init; }

    /// <summary>A SQLite catalog in <paramref name="path"/>.</summary>
    public static JdbcCatalogOptions Sqlite(string path) => new() { Backend = CatalogBackend.Sqlite, Connection = path };

    /// <summary>A PostgreSQL catalog through an Npgsql connection string.</summary>
    public static JdbcCatalogOptions PostgreSql(string connectionString) =>
        new() { Backend = CatalogBackend.PostgreSql, Connection = connectionString };

    /// <summary>
    /// PostgreSQL when <c>TICK_CATALOG</c> holds a connection string (any value containing <c>=</c>), a SQLite file
    /// when it holds a path, and <c>&lt;data root&gt;/catalog.db</c> when it is unset or empty.
    /// </summary>
    public static JdbcCatalogOptions FromEnvironment(DataLayout layout) =>
        FromSetting(Environment.GetEnvironmentVariable(EnvironmentVariable), layout);

    /// <summary>The rule of <see cref="FromEnvironment"/> applied to a given setting value.</summary>
    public static JdbcCatalogOptions FromSetting(string? value, DataLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        if (string.IsNullOrWhiteSpace(value))
        {
            return Sqlite(Path.Combine(layout.Root, SqliteFileName));
        }
        return value.Contains('=', StringComparison.Ordinal) ? PostgreSql(value) : Sqlite(value);
    }

    /// <summary>Throws <see cref="CatalogErrorKind.InvalidOptions"/> naming every bad field at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(Backend))
        {
            errors.Add($"{nameof(Backend)} is not a known backend (actual {(int)Backend})");
        }
        if (string.IsNullOrWhiteSpace(Connection))
        {
            errors.Add($"{nameof(Connection)} must be a SQLite file path or a PostgreSQL connection string (actual empty)");
        }
        try
        {
            CatalogNames.ValidateName(CatalogName, "catalog name");
        }
        catch (CatalogException e)
        {
            errors.Add($"{nameof(CatalogName)}: {e.Message}");
        }
        if (BusyTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{nameof(BusyTimeout)} must be positive (actual {BusyTimeout})");
        }
        if (CommitRetry is null)
        {
            errors.Add($"{nameof(CommitRetry)} must not be null");
        }
        else
        {
            try
            {
                CommitRetry.Validate();
            }
            catch (CatalogException e)
            {
                errors.Add(e.Message);
            }
        }
        if (Time is null)
        {
            errors.Add($"{nameof(Time)} must not be null");
        }
        if (errors.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.InvalidOptions, "Invalid catalog options: " + string.Join("; ", errors));
        }
    }
}

using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>Where <see cref="IcebergTables"/> writes tables and how it commits them.</summary>
public sealed record IcebergTablesOptions
{
    /// <summary>The environment variable the CLI reads the warehouse from when <c>--warehouse</c> is not given: <c>TICK_WAREHOUSE</c>.</summary>
    public const string WarehouseEnvironmentVariable = "TICK_WAREHOUSE";

    /// <summary>
    /// The warehouse root: a folder on local disk, or <c>s3://bucket/prefix</c> (also <c>s3a://</c>). A table
    /// <c>ns.name</c> lives in <c>&lt;Warehouse&gt;/ns/name</c> (nested namespaces as nested folders, as Iceberg's JDBC
    /// catalog lays them out); its location is a <c>file:</c> URI on disk and <c>s3://bucket/prefix/ns/name</c> on S3.
    /// </summary>
    public required string Warehouse { get; init; }

    /// <summary>
    /// How to reach S3 when <see cref="Warehouse"/> is an S3 location: endpoint, region, credentials, chunk encoding
    /// (bucket and prefix come from the warehouse). Default null: <see cref="S3ObjectStoreOptions"/>' defaults, i.e. the
    /// environment (<c>AWS_ENDPOINT_URL_S3</c>, <c>AWS_REGION</c>, the SDK's credential chain). Unused for a local warehouse.
    /// </summary>
    public S3ObjectStoreOptions? S3 { get; init; }

    /// <summary>
    /// Where remote data files are cached for DuckDB when the warehouse is on S3 (copy-on-write deletes, compaction and
    /// <see cref="IcebergTables.Io"/> readers read them from disk). Default null: <see cref="IcebergFileCacheOptions"/>' default.
    /// </summary>
    public IcebergFileCacheOptions? Cache { get; init; }

    /// <summary>True when <see cref="Warehouse"/> is an S3 location.</summary>
    public bool IsS3 => Warehouse is not null && S3Location.IsS3(Warehouse);

    /// <summary>The clock for snapshot and metadata timestamps (default: the system clock).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How lost commit races are retried (default: the catalog's own options).</summary>
    public CommitRetryOptions? CommitRetry { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming every bad field at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Warehouse))
        {
            errors.Add($"{nameof(Warehouse)} must be a folder path (actual '{Warehouse}')");
        }
        else if (IsS3 && (!S3Location.TryParse(Warehouse, out var s3) || s3.Scheme == "s3n"))
        {
            errors.Add($"{nameof(Warehouse)} must be s3://bucket/prefix or s3a://bucket/prefix (actual '{Warehouse}')");
        }
        else if (IsS3 && Problem(() => ObjectStoreUri.Parse("s3://" + Warehouse[(Warehouse.IndexOf("://", StringComparison.Ordinal) + 3)..])) is { } problem)
        {
            errors.Add($"{nameof(Warehouse)}: {problem}");
        }
        if (Time is null)
        {
            errors.Add($"{nameof(Time)} must not be null");
        }
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid Iceberg table options: " + string.Join("; ", errors));
        }
        CommitRetry?.Validate();
    }

    private static string? Problem(Action check)
    {
        try
        {
            check();
            return null;
        }
        catch (ObjectStoreException e)
        {
            return e.Message;
        }
    }
}

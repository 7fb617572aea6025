using TickKernelExtensions.Lakehouse.Catalog;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>Where <see cref="IcebergTables"/> writes tables and how it commits them.</summary>
public sealed record IcebergTablesOptions
{
    /// <summary>
    /// The warehouse root on local disk. A table <c>ns.name</c> lives in <c>&lt;Warehouse&gt;/ns/name</c> (nested
    /// namespaces as nested folders, as Iceberg's JDBC catalog lays them out); its location is a <c>file:</c> URI.
    /// </summary>
    public required string Warehouse { get; init; }

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
}

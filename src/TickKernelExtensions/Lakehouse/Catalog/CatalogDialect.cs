using System.Data.Common;

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>What differs between the catalog's databases: opening connections, schema locks, introspection, error codes.</summary>
internal abstract class CatalogDialect : IAsyncDisposable
{
    /// <summary>Where the catalog lives, for messages (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>An open connection, ready for statements.</summary>
    public abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Settings that belong to the database rather than a connection, made once when a catalog opens.</summary>
    public virtual Task PrepareDatabaseAsync(DbConnection connection, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A transaction that holds the schema lock: concurrent catalogs opening the same database create or upgrade the
    /// catalog tables one at a time.
    /// </summary>
    public abstract ValueTask<DbTransaction> BeginSchemaChangeAsync(DbConnection connection, CancellationToken cancellationToken);

    /// <summary>The lower-case column names of <paramref name="table"/>, or null when the table does not exist.</summary>
    public abstract Task<HashSet<string>?> ColumnsAsync(DbConnection connection, DbTransaction transaction, string table, CancellationToken cancellationToken);

    /// <summary>True when the error is a primary-key or unique violation.</summary>
    public abstract bool IsUniqueViolation(DbException exception);

    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

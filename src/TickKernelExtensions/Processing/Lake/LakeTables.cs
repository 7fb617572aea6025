using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;

namespace TickKernelExtensions.Processing.Lake;

/// <summary>Creates a stage's output table (and its namespace) the first time a run writes it.</summary>
internal static class LakeTables
{
    public static async Task EnsureAsync(
        IcebergTables tables, TableIdentifier table, IcebergSchema schema, IcebergPartitionSpec spec, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string>? properties = null)
    {
        if (!await tables.Catalog.NamespaceExistsAsync(table.Namespace, cancellationToken))
        {
            await tables.Catalog.CreateNamespaceAsync(table.Namespace, cancellationToken: cancellationToken);
        }
        if (!await tables.Catalog.TableExistsAsync(table, cancellationToken))
        {
            await tables.CreateTableAsync(table, schema, spec, properties, cancellationToken);
        }
    }
}

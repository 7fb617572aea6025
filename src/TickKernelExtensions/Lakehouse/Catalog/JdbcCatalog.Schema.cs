using Microsoft.Extensions.Logging;

namespace TickKernelExtensions.Lakehouse.Catalog;

public sealed partial class JdbcCatalog
{
    private static readonly string[] TableColumns =
        ["catalog_name", "table_namespace", "table_name", "metadata_location", "previous_metadata_location"];

    private static readonly string[] PropertyColumns = ["catalog_name", "namespace", "property_key", "property_value"];

    /// <summary>
    /// Creates the catalog tables when missing and upgrades a V0 <c>iceberg_tables</c> (no <c>iceberg_type</c>) to
    /// V1, under the dialect's schema lock, so catalogs opening one database at once do this exactly once.
    /// </summary>
    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await _dialect.PrepareDatabaseAsync(connection, cancellationToken);
        await using var transaction = await _dialect.BeginSchemaChangeAsync(connection, cancellationToken);
        var tables = await _dialect.ColumnsAsync(connection, transaction, CatalogSql.TablesTable, cancellationToken);
        var properties = await _dialect.ColumnsAsync(connection, transaction, CatalogSql.PropertiesTable, cancellationToken);
        var changed = false;
        if (tables is null)
        {
            RequireInitialization(CatalogSql.TablesTable);
            await ExecuteAsync(CatalogSql.CreateTables);
            _logger.LogInformation("Created {Table} in {Catalog}", CatalogSql.TablesTable, Description);
            changed = true;
        }
        else
        {
            RequireColumns(CatalogSql.TablesTable, tables, TableColumns);
            if (!tables.Contains("iceberg_type"))
            {
                RequireInitialization(CatalogSql.TablesTable + ".iceberg_type");
                await ExecuteAsync(CatalogSql.UpgradeTablesToV1);
                _logger.LogInformation("Upgraded {Table} in {Catalog} to schema V1 (added iceberg_type)", CatalogSql.TablesTable, Description);
                changed = true;
            }
        }
        if (properties is null)
        {
            RequireInitialization(CatalogSql.PropertiesTable);
            await ExecuteAsync(CatalogSql.CreateProperties);
            changed = true;
        }
        else
        {
            RequireColumns(CatalogSql.PropertiesTable, properties, PropertyColumns);
        }
        if (changed)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        async Task ExecuteAsync(string sql)
        {
            using var command = Command(connection, sql, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void RequireInitialization(string what)
    {
        if (!_options.InitializeCatalogTables)
        {
            throw new CatalogException(CatalogErrorKind.IncompatibleSchema,
                $"Catalog {Description} lacks {what}, and {nameof(JdbcCatalogOptions.InitializeCatalogTables)} is false")
            {
                Expected = "Iceberg's JDBC catalog tables (schema V1)",
                Actual = "missing",
            };
        }
    }

    private void RequireColumns(string table, HashSet<string> actual, string[] expected)
    {
        var missing = expected.Where(c => !actual.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.IncompatibleSchema,
                $"Catalog {Description}: table {table} is not Iceberg's (missing column(s) {string.Join(", ", missing)})")
            {
                Expected = string.Join(", ", expected),
                Actual = string.Join(", ", actual.Order(StringComparer.Ordinal)),
            };
        }
    }
}

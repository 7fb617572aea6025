using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace TickKernelExtensions.Lakehouse.Catalog;

public sealed partial class JdbcCatalog
{
    /// <inheritdoc />
    public async Task CreateTableAsync(TableIdentifier table, string metadataLocation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        CatalogNames.ValidateLocation(metadataLocation, "metadata location", table);
        await RequireNamespaceAsync(table.Namespace, cancellationToken);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await RequireNoEntryAsync(connection, table, cancellationToken);
        using var command = Command(connection, CatalogSql.CreateTable, table);
        AddParameter(command, "location", metadataLocation);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            throw TableAlreadyExists(table, e);
        }
        _logger.LogInformation("Created table {Table} in catalog {Catalog} at {Location}", table, Name, metadataLocation);
    }

    /// <inheritdoc />
    public async Task<CatalogTableEntry> LoadTableAsync(TableIdentifier table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return await LookupAsync(table, cancellationToken) ?? throw TableNotFound(table);
    }

    /// <inheritdoc />
    public async Task<CatalogTableEntry?> TryLoadTableAsync(TableIdentifier table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return await LookupAsync(table, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> TableExistsAsync(TableIdentifier table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        return await LookupAsync(table, cancellationToken) is not null;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(string ns, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        await RequireNamespaceAsync(ns, cancellationToken);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using var command = Command(connection, CatalogSql.ListTables, ns);
        var names = await ReadStringsAsync(command, cancellationToken);
        // Rows another engine wrote may break our naming rules; they are listed as they are.
        return names.Order(StringComparer.Ordinal).Select(n => TableIdentifier.Unchecked(ns, n)).ToList();
    }

    /// <inheritdoc />
    public async Task<bool> DropTableAsync(TableIdentifier table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using var command = Command(connection, CatalogSql.DropTable, table);
        var dropped = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (dropped)
        {
            _logger.LogInformation("Dropped table {Table} from catalog {Catalog}", table, Name);
        }
        return dropped;
    }

    /// <inheritdoc />
    public async Task RenameTableAsync(TableIdentifier from, TableIdentifier to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (from == to)
        {
            return;
        }
        await RequireNamespaceAsync(to.Namespace, cancellationToken);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await RequireNoEntryAsync(connection, to, cancellationToken);
        using var command = Command(connection, CatalogSql.RenameTable, from);
        AddParameter(command, "newNamespace", to.Namespace);
        AddParameter(command, "newName", to.Name);
        int renamed;
        try
        {
            renamed = await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            throw TableAlreadyExists(to, e);
        }
        if (renamed == 0)
        {
            throw TableNotFound(from);
        }
        _logger.LogInformation("Renamed table {From} to {To} in catalog {Catalog}", from, to, Name);
    }

    private async Task<CatalogTableEntry?> FindAsync(DbConnection connection, TableIdentifier table, CancellationToken cancellationToken)
    {
        using var command = Command(connection, CatalogSql.GetTable, table);
        return await ReadEntryAsync(command, table, cancellationToken);
    }

    private async Task<CatalogTableEntry?> ReadEntryAsync(DbCommand command, TableIdentifier table, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }
        if (reader.IsDBNull(0))
        {
            throw new CatalogException(CatalogErrorKind.IncompatibleSchema,
                $"Table '{table}' in catalog '{Name}' ({Description}) has no metadata_location")
            {
                Identifier = table.ToString(),
                Expected = "a metadata file location",
                Actual = "NULL",
            };
        }
        return new CatalogTableEntry(table, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }

    /// <summary>A view (iceberg_type VIEW) of that name blocks a table too, as in Iceberg's catalog.</summary>
    private async Task RequireNoEntryAsync(DbConnection connection, TableIdentifier table, CancellationToken cancellationToken)
    {
        using var command = Command(connection, CatalogSql.AnyEntry, table);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.IsDBNull(0) ? "TABLE" : reader.GetString(0);
            throw type == "VIEW"
                ? new CatalogException(CatalogErrorKind.TableAlreadyExists, $"A view named '{table}' already exists in catalog '{Name}'")
                {
                    Identifier = table.ToString(),
                }
                : TableAlreadyExists(table, null);
        }
    }

    private CatalogException TableNotFound(TableIdentifier table) =>
        new(CatalogErrorKind.TableNotFound, $"Table '{table}' does not exist in catalog '{Name}' ({Description})") { Identifier = table.ToString() };

    private CatalogException TableAlreadyExists(TableIdentifier table, Exception? inner) =>
        new(CatalogErrorKind.TableAlreadyExists, $"Table '{table}' already exists in catalog '{Name}'", inner) { Identifier = table.ToString() };
}

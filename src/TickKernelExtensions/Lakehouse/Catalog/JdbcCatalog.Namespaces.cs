using System.Data.Common;

namespace TickKernelExtensions.Lakehouse.Catalog;

public sealed partial class JdbcCatalog
{
    /// <inheritdoc />
    public async Task CreateNamespaceAsync(string ns, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        var all = ValidateProperties(ns, properties ?? new Dictionary<string, string>());
        all[CatalogSql.ExistsProperty] = "true";
        if (await NamespaceExistsAsync(ns, cancellationToken))
        {
            throw NamespaceAlreadyExists(ns);
        }
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var (key, value) in all)
            {
                await InsertPropertyAsync(connection, transaction, ns, key, value, cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException e) when (_dialect.IsUniqueViolation(e))
        {
            throw NamespaceAlreadyExists(ns);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListNamespacesAsync(string? parent = null, CancellationToken cancellationToken = default)
    {
        if (parent is not null)
        {
            CatalogNames.ValidateNamespace(parent);
            await RequireNamespaceAsync(parent, cancellationToken);
        }
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using var command = Command(connection, CatalogSql.AllNamespaces);
        AddParameter(command, "catalog", Name);
        var all = await ReadStringsAsync(command, cancellationToken);
        var depth = parent is null ? 1 : parent.Split('.').Length + 1;
        var prefix = parent is null ? "" : parent + ".";
        return all
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n.Split('.'))
            .Where(levels => levels.Length >= depth)
            .Select(levels => string.Join('.', levels.Take(depth)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<bool> NamespaceExistsAsync(string ns, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        foreach (var sql in (string[])[CatalogSql.NamespaceHasTables, CatalogSql.NamespaceHasProperties])
        {
            using var command = Command(connection, sql, ns);
            AddParameter(command, "prefix", ns + ".");
            AddParameter(command, "prefixLength", ns.Length + 1);
            if (await command.ExecuteScalarAsync(cancellationToken) is not null and not DBNull)
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, string>> LoadNamespacePropertiesAsync(string ns, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        await RequireNamespaceAsync(ns, cancellationToken);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using var command = Command(connection, CatalogSql.GetProperties, ns);
        var properties = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var key = reader.IsDBNull(0) ? null : reader.GetString(0);
            if (key is not null and not CatalogSql.ExistsProperty)
            {
                properties[key] = reader.IsDBNull(1) ? "" : reader.GetString(1);
            }
        }
        return properties;
    }

    /// <inheritdoc />
    public async Task SetNamespacePropertiesAsync(
        string ns, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string>? remove = null, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        ArgumentNullException.ThrowIfNull(set);
        var updates = ValidateProperties(ns, set);
        var removals = remove ?? [];
        if (removals.Contains(CatalogSql.ExistsProperty))
        {
            throw ReservedProperty(ns);
        }
        await RequireNamespaceAsync(ns, cancellationToken);
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var key in removals.Concat(updates.Keys).Distinct(StringComparer.Ordinal))
        {
            using var delete = Command(connection, CatalogSql.DeleteProperty, ns, transaction);
            AddParameter(delete, "key", key);
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var (key, value) in updates)
        {
            await InsertPropertyAsync(connection, transaction, ns, key, value, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DropNamespaceAsync(string ns, CancellationToken cancellationToken = default)
    {
        CatalogNames.ValidateNamespace(ns);
        if (!await NamespaceExistsAsync(ns, cancellationToken))
        {
            return false;
        }
        var tables = await ListTablesAsync(ns, cancellationToken);
        var children = await ListNamespacesAsync(ns, cancellationToken);
        if (tables.Count > 0 || children.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.NamespaceNotEmpty,
                $"Namespace '{ns}' in catalog '{Name}' is not empty: {tables.Count} table(s), {children.Count} namespace(s)")
            {
                Identifier = ns,
                Expected = "no tables and no nested namespaces",
                Actual = string.Join(", ", tables.Select(t => t.ToString()).Concat(children).Take(5)),
            };
        }
        await using var connection = await _dialect.OpenAsync(cancellationToken);
        using var command = Command(connection, CatalogSql.DeleteAllProperties, ns);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    private async Task RequireNamespaceAsync(string ns, CancellationToken cancellationToken)
    {
        if (!await NamespaceExistsAsync(ns, cancellationToken))
        {
            throw NamespaceNotFound(ns);
        }
    }

    private CatalogException NamespaceNotFound(string ns) =>
        new(CatalogErrorKind.NamespaceNotFound, $"Namespace '{ns}' does not exist in catalog '{Name}' ({Description})") { Identifier = ns };

    private CatalogException NamespaceAlreadyExists(string ns) =>
        new(CatalogErrorKind.NamespaceAlreadyExists, $"Namespace '{ns}' already exists in catalog '{Name}'") { Identifier = ns };

    private static CatalogException ReservedProperty(string ns) =>
        new(CatalogErrorKind.InvalidOptions, $"Namespace '{ns}': the property '{CatalogSql.ExistsProperty}' is reserved by the catalog")
        {
            Identifier = ns,
        };

    private async Task InsertPropertyAsync(
        DbConnection connection, DbTransaction transaction, string ns, string key, string value, CancellationToken cancellationToken)
    {
        using var command = Command(connection, CatalogSql.InsertProperty, ns, transaction);
        AddParameter(command, "key", key);
        AddParameter(command, "value", value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Keys 1–255 characters, values at most 1000 (the column widths), and not the reserved key.</summary>
    private static Dictionary<string, string> ValidateProperties(string ns, IReadOnlyDictionary<string, string> properties)
    {
        var errors = new List<string>();
        foreach (var (key, value) in properties)
        {
            if (key == CatalogSql.ExistsProperty)
            {
                throw ReservedProperty(ns);
            }
            if (string.IsNullOrEmpty(key) || key.Length > 255)
            {
                errors.Add($"key '{key}' must be 1-255 characters (actual {key?.Length ?? 0})");
            }
            if (value is null || value.Length > 1000)
            {
                errors.Add($"value of '{key}' must be a string of at most 1000 characters (actual {(value is null ? "null" : value.Length)})");
            }
        }
        if (errors.Count > 0)
        {
            throw new CatalogException(CatalogErrorKind.InvalidOptions, $"Invalid properties for namespace '{ns}': " + string.Join("; ", errors))
            {
                Identifier = ns,
            };
        }
        return new Dictionary<string, string>(properties, StringComparer.Ordinal);
    }
}

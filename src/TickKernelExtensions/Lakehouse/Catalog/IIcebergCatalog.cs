namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// An Iceberg catalog: namespaces, and for each table the location of its current metadata file. It knows nothing of
/// the metadata's content; a table changes only through <see cref="CommitAsync"/>, an atomic compare-and-swap of
/// that location. Namespaces are dotted strings (<c>bronze</c>, <c>research.eurusd</c>); names follow
/// <see cref="CatalogNames"/>. Implementations are thread safe.
/// </summary>
public interface IIcebergCatalog : IAsyncDisposable
{
    /// <summary>The catalog name every row carries (<c>catalog_name</c>).</summary>
    string Name { get; }

    /// <summary>Creates a namespace with optional properties.</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceAlreadyExists"/> when it exists.</exception>
    Task CreateNamespaceAsync(string ns, IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// The namespaces one level below <paramref name="parent"/> (top-level ones when null), sorted. A namespace that
    /// only exists because a nested one or a table lives below it is listed too, as Iceberg's JDBC catalog does.
    /// </summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceNotFound"/> for an unknown parent.</exception>
    Task<IReadOnlyList<string>> ListNamespacesAsync(string? parent = null, CancellationToken cancellationToken = default);

    /// <summary>True when the namespace was created, or holds tables or nested namespaces.</summary>
    Task<bool> NamespaceExistsAsync(string ns, CancellationToken cancellationToken = default);

    /// <summary>The namespace's properties (the reserved <c>exists</c> marker left out).</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceNotFound"/>.</exception>
    Task<IReadOnlyDictionary<string, string>> LoadNamespacePropertiesAsync(string ns, CancellationToken cancellationToken = default);

    /// <summary>Sets and removes namespace properties in one transaction.</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceNotFound"/>.</exception>
    Task SetNamespacePropertiesAsync(
        string ns, IReadOnlyDictionary<string, string> set, IReadOnlyCollection<string>? remove = null, CancellationToken cancellationToken = default);

    /// <summary>Drops an empty namespace; false when it did not exist.</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceNotEmpty"/> while it holds tables or namespaces.</exception>
    Task<bool> DropNamespaceAsync(string ns, CancellationToken cancellationToken = default);

    /// <summary>Registers a new table whose first metadata file is <paramref name="metadataLocation"/>.</summary>
    /// <exception cref="CatalogException">
    /// <see cref="CatalogErrorKind.TableAlreadyExists"/>, or <see cref="CatalogErrorKind.NamespaceNotFound"/>.
    /// </exception>
    Task CreateTableAsync(TableIdentifier table, string metadataLocation, CancellationToken cancellationToken = default);

    /// <summary>The table's row: its current (and previous) metadata location.</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.TableNotFound"/>.</exception>
    Task<CatalogTableEntry> LoadTableAsync(TableIdentifier table, CancellationToken cancellationToken = default);

    /// <summary>The table's row, or null when the table is not registered: one lookup where exists-then-load takes two.</summary>
    Task<CatalogTableEntry?> TryLoadTableAsync(TableIdentifier table, CancellationToken cancellationToken = default);

    /// <summary>True when the table is registered.</summary>
    Task<bool> TableExistsAsync(TableIdentifier table, CancellationToken cancellationToken = default);

    /// <summary>The tables directly in a namespace, sorted by name.</summary>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.NamespaceNotFound"/>.</exception>
    Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(string ns, CancellationToken cancellationToken = default);

    /// <summary>Unregisters a table (its files are left alone); false when it did not exist.</summary>
    Task<bool> DropTableAsync(TableIdentifier table, CancellationToken cancellationToken = default);

    /// <summary>Renames a table, possibly into another existing namespace.</summary>
    /// <exception cref="CatalogException">
    /// <see cref="CatalogErrorKind.TableNotFound"/>, <see cref="CatalogErrorKind.TableAlreadyExists"/> or
    /// <see cref="CatalogErrorKind.NamespaceNotFound"/>.
    /// </exception>
    Task RenameTableAsync(TableIdentifier from, TableIdentifier to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The atomic commit: sets the table's metadata location to <paramref name="newLocation"/> (and the previous one
    /// to <paramref name="expectedLocation"/>) only if it is still <paramref name="expectedLocation"/>.
    /// </summary>
    /// <exception cref="CommitConflictException">Another writer committed first; it carries the current location.</exception>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.TableNotFound"/>.</exception>
    Task CommitAsync(TableIdentifier table, string expectedLocation, string newLocation, CancellationToken cancellationToken = default);

    /// <summary>
    /// Loads the current location, lets <paramref name="attempt"/> write new metadata from it and return the new
    /// location, and commits; on a lost race it waits (exponential backoff, full jitter) and calls
    /// <paramref name="attempt"/> again with the winner's location, up to <see cref="CommitRetryOptions.MaxAttempts"/>.
    /// The other writer's commit is never overwritten: every attempt starts from the location it is compared against.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="attempt">Given the current location, writes the new metadata and returns its location.</param>
    /// <param name="retry">The retry bound and backoff (default: the catalog's).</param>
    /// <param name="cancellationToken">Cancels waiting and the attempt; a commit already made stays made.</param>
    /// <exception cref="CatalogException"><see cref="CatalogErrorKind.CommitRetriesExhausted"/> after the last lost race.</exception>
    Task<CommitResult> CommitWithRetryAsync(
        TableIdentifier table, Func<string, CancellationToken, Task<string>> attempt, CommitRetryOptions? retry = null, CancellationToken cancellationToken = default);
}

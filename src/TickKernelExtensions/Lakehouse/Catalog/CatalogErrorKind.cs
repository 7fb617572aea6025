namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>Machine-readable reason of a <see cref="CatalogException"/>.</summary>
public enum CatalogErrorKind
{
    /// <summary>A catalog, namespace or table name breaks the identifier rules (<see cref="CatalogNames"/>).</summary>
    InvalidIdentifier,
    /// <summary>A metadata location is empty or longer than the catalog column allows.</summary>
    InvalidLocation,
    /// <summary>The namespace does not exist in this catalog.</summary>
    NamespaceNotFound,
    /// <summary>The namespace already exists.</summary>
    NamespaceAlreadyExists,
    /// <summary>The namespace still holds tables or child namespaces.</summary>
    NamespaceNotEmpty,
    /// <summary>The table does not exist in this catalog.</summary>
    TableNotFound,
    /// <summary>A table with that identifier already exists.</summary>
    TableAlreadyExists,
    /// <summary>The table's metadata location was not the one the writer started from (see <see cref="CommitConflictException"/>).</summary>
    CommitConflict,
    /// <summary>Every allowed commit attempt lost its race (or failed in the database).</summary>
    CommitRetriesExhausted,
    /// <summary>The database failed during a commit and could not be read back: the commit may or may not have happened.</summary>
    CommitStateUnknown,
    /// <summary>The database holds catalog tables whose shape is not Iceberg's JDBC catalog schema.</summary>
    IncompatibleSchema,
    /// <summary>An option is invalid.</summary>
    InvalidOptions,
}

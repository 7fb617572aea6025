namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>
/// A conditional commit lost its race: the table's metadata location was no longer the one the writer started
/// from. <see cref="CurrentLocation"/> is the location found after the failed update; a writer reloads it,
/// re-applies its change and commits again (<see cref="IIcebergCatalog.CommitWithRetryAsync"/> does this).
/// </summary>
public sealed class CommitConflictException : CatalogException
{
    public CommitConflictException(TableIdentifier table, string expectedLocation, string currentLocation)
        : base(CatalogErrorKind.CommitConflict,
            $"Commit to table '{table}' lost a race: its metadata location changed since the writer read it")
    {
        Table = table;
        ExpectedLocation = expectedLocation;
        CurrentLocation = currentLocation;
        Identifier = table.ToString();
        Expected = $"'{expectedLocation}'";
        Actual = currentLocation;
    }

    /// <summary>The table.</summary>
    public TableIdentifier Table { get; }

    /// <summary>The metadata location the writer started from.</summary>
    public string ExpectedLocation { get; }

    /// <summary>The table's metadata location when the commit failed.</summary>
    public string CurrentLocation { get; }
}

namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>The outcome of <see cref="IIcebergCatalog.CommitWithRetryAsync"/>.</summary>
/// <param name="Table">The table.</param>
/// <param name="PreviousLocation">The metadata location the winning attempt started from (now <c>previous_metadata_location</c>).</param>
/// <param name="MetadataLocation">The committed metadata location.</param>
/// <param name="Attempts">How many attempts it took (1 = no lost race).</param>
/// <param name="AbandonedLocations">
/// The locations produced by attempts that lost their race, in order. Nothing references them: they are
/// leftovers for the writer (or orphan-file removal) to delete.
/// </param>
public sealed record CommitResult(
    TableIdentifier Table, string PreviousLocation, string MetadataLocation, int Attempts, IReadOnlyList<string> AbandonedLocations);

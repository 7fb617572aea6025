namespace TickKernelExtensions.Lakehouse.Catalog;

/// <summary>A table's row in <c>iceberg_tables</c>: where its current metadata file is, and where the previous one was.</summary>
/// <param name="Table">The table.</param>
/// <param name="MetadataLocation">The current metadata file (a full URI or path, exactly as committed).</param>
/// <param name="PreviousMetadataLocation">The metadata file before the last commit; null right after create.</param>
public sealed record CatalogTableEntry(TableIdentifier Table, string MetadataLocation, string? PreviousMetadataLocation);

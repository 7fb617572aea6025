namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A manifest file's contents: its key-value metadata (<c>schema</c>, <c>partition-spec</c>,
/// <c>partition-spec-id</c>, <c>format-version</c>, <c>content</c>, …) and its entries.
/// </summary>
public sealed record IcebergManifest(IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<IcebergManifestEntry> Entries)
{
    /// <summary>The <c>content</c> key: data or deletes.</summary>
    public IcebergFileContent Content =>
        Metadata.TryGetValue("content", out var c) && c == "deletes" ? IcebergFileContent.PositionDeletes : IcebergFileContent.Data;
}

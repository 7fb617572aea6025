namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>An entry of <c>metadata-log</c>: a previous metadata file and when it was replaced.</summary>
public sealed record IcebergMetadataLogEntry(long TimestampMs, string MetadataFile);

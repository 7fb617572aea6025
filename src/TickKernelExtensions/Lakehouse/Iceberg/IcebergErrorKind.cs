namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>Why an Iceberg operation failed (machine readable).</summary>
public enum IcebergErrorKind
{
    /// <summary>A metadata, manifest or data file the table points at does not exist.</summary>
    FileNotFound,

    /// <summary>A metadata JSON, manifest or manifest list is malformed or lacks a required field.</summary>
    InvalidMetadata,

    /// <summary>A type, transform or feature the reader does not support.</summary>
    Unsupported,

    /// <summary>The requested snapshot, ref or timestamp does not resolve to a snapshot.</summary>
    SnapshotNotFound,

    /// <summary>A column named in a predicate or projection is not in the schema.</summary>
    ColumnNotFound,

    /// <summary>A Parquet data or delete file does not match the table schema.</summary>
    SchemaMismatch,

    /// <summary>A file read from an object store (or cached from one) does not have the size its manifest records.</summary>
    FileSizeMismatch,

    /// <summary>The object store failed (network, permissions, server error); the inner exception has the details.</summary>
    StorageError,
}

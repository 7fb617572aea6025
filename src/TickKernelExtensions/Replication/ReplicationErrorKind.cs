namespace TickKernelExtensions.Replication;

/// <summary>Why a replication (or one file of it) failed.</summary>
public enum ReplicationErrorKind
{
    /// <summary>An option out of range.</summary>
    InvalidOptions,

    /// <summary>The source folder does not exist.</summary>
    SourceMissing,

    /// <summary>A write-once source file changed after it was replicated.</summary>
    SourceChanged,

    /// <summary>The destination holds different bytes (by SHA-256) under the key of a write-once file.</summary>
    DestinationConflict,

    /// <summary>The manifest belongs to another source or destination, or cannot be read.</summary>
    ManifestMismatch,

    /// <summary>Uploading failed after every retry, or the stored object did not verify.</summary>
    UploadFailed,
}

namespace TickKernelExtensions.Storage;

/// <summary>Why an object-store operation failed (machine readable).</summary>
public enum ObjectStoreErrorKind
{
    /// <summary>The object (key) does not exist.</summary>
    NotFound,

    /// <summary>The bucket (or the local root folder) does not exist.</summary>
    BucketNotFound,

    /// <summary>Credentials missing, wrong or not allowed.</summary>
    AccessDenied,

    /// <summary>A key that is empty, absolute, or escapes the store's root.</summary>
    InvalidKey,

    /// <summary>A URI or option that does not name a store.</summary>
    InvalidConfiguration,

    /// <summary>The server does not implement the operation (s3rver has no AbortMultipartUpload, for one).</summary>
    NotSupported,

    /// <summary>Bytes read back or stored differ from what was sent (size, checksum, ETag).</summary>
    IntegrityMismatch,

    /// <summary>A failure worth retrying: 5xx, throttling, timeouts, connection resets.</summary>
    Transient,

    /// <summary>Any other failure the server or the file system reported.</summary>
    Failed,
}

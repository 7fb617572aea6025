namespace TickKernelExtensions.Datasets;

/// <summary>Why a dataset-versioning operation failed (machine readable).</summary>
public enum DatasetErrorKind
{
    /// <summary>An option, argument or path that cannot be used (every bad field is named at once).</summary>
    InvalidArgument,

    /// <summary>The path to add, or a tracked output's <c>.dvc</c> file, does not exist.</summary>
    NotFound,

    /// <summary>A <c>.dvc</c> file, <c>.dir</c> manifest or <c>.dvc/config</c> that cannot be read as DVC 3 writes it.</summary>
    InvalidFormat,

    /// <summary>Something DVC allows that this implementation does not do (legacy 2.x outputs, <c>.dvcignore</c> patterns).</summary>
    NotSupported,

    /// <summary>An object the operation needs is not in the local cache (pull it first).</summary>
    MissingFromCache,

    /// <summary>A cache object whose bytes do not hash to its name.</summary>
    CorruptCache,

    /// <summary>An object on the remote that is missing, or whose bytes do not hash to its name.</summary>
    CorruptRemote,

    /// <summary>A file changed while it was being added (its bytes hashed differently on the second read).</summary>
    SourceChanged,

    /// <summary>Checkout would overwrite or delete workspace changes that are not in the cache (use force).</summary>
    UncommittedChanges,

    /// <summary>No remote is configured, or the one named does not exist.</summary>
    NoRemote,
}

namespace TickKernelExtensions.Modeling.Export;

/// <summary>Machine-readable reason of a <see cref="ModelBundleException"/>.</summary>
public enum ModelBundleErrorKind
{
    /// <summary>The content or options given to the writer are invalid (every bad field is named).</summary>
    InvalidInput,
    /// <summary>The bundle version already exists; bundles are never overwritten.</summary>
    AlreadyExists,
    /// <summary>A bundle file is missing, or the folder holds a file the manifest does not list.</summary>
    MissingFile,
    /// <summary>A file's size or SHA-256 differs from the manifest (tampered or corrupted).</summary>
    HashMismatch,
    /// <summary>A bundle file is not of the expected shape (JSON, zip, field types).</summary>
    Malformed,
    /// <summary>The model's own input or output schema does not match <c>signature.json</c>.</summary>
    SignatureMismatch,
    /// <summary>The feature set names a kind or parameters this host cannot compute, or its hash does not match its JSON.</summary>
    UnknownFeature,
}

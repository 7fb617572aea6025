namespace TickKernelExtensions.Storage;

/// <summary>A multipart upload in progress.</summary>
/// <param name="Key">The object's key relative to the store's root.</param>
/// <param name="UploadId">The server's id of the upload.</param>
/// <param name="Initiated">When the server says it was started (UTC), when known.</param>
public sealed record MultipartUpload(string Key, string UploadId, DateTimeOffset? Initiated = null);

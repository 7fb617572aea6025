namespace TickKernelExtensions.Storage;

/// <summary>
/// A store with multipart uploads (S3): parts are uploaded independently (and retried alone), and the object
/// appears only when the upload is completed. An upload that is neither completed nor aborted keeps its parts
/// on the server (and costs storage) until it is aborted.
/// </summary>
public interface IMultipartObjectStore : IObjectStore
{
    /// <summary>The smallest part the backend accepts, except for the last part (S3: 5 MiB).</summary>
    long MinimumPartSize { get; }

    /// <summary>Starts an upload; metadata and the whole-object SHA-256 from <paramref name="options"/> go on the object.</summary>
    Task<MultipartUpload> StartMultipartAsync(string key, PutOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Uploads part <paramref name="partNumber"/> (1-based) with a SHA-256 checksum the server verifies, and checks
    /// the returned ETag against the part's MD5 when the server gives a plain MD5 ETag.
    /// </summary>
    Task<UploadedPart> UploadPartAsync(MultipartUpload upload, int partNumber, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Assembles the parts (in part-number order) into the object.</summary>
    Task<ObjectInfo> CompleteMultipartAsync(MultipartUpload upload, IReadOnlyList<UploadedPart> parts, CancellationToken cancellationToken = default);

    /// <summary>
    /// Aborts an upload and frees its parts. Throws <see cref="ObjectStoreErrorKind.NotSupported"/> when the server
    /// does not implement it (s3rver 3.7 answers 405).
    /// </summary>
    Task AbortMultipartAsync(MultipartUpload upload, CancellationToken cancellationToken = default);

    /// <summary>
    /// The uploads in progress whose key starts with <paramref name="prefix"/>. Throws
    /// <see cref="ObjectStoreErrorKind.NotSupported"/> when the server does not implement listing them (s3rver 3.7).
    /// </summary>
    IAsyncEnumerable<MultipartUpload> ListMultipartUploadsAsync(string prefix = "", CancellationToken cancellationToken = default);
}

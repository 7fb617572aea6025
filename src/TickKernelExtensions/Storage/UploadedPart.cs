namespace TickKernelExtensions.Storage;

/// <summary>One uploaded part of a multipart upload.</summary>
/// <param name="PartNumber">1-based.</param>
/// <param name="ETag">The server's ETag of the part (without quotes).</param>
/// <param name="Sha256Base64">The part's SHA-256, base64, as sent with it and repeated on completion.</param>
/// <param name="Size">Bytes.</param>
public sealed record UploadedPart(int PartNumber, string ETag, string Sha256Base64, long Size);

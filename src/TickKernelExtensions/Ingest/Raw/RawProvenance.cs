namespace TickKernelExtensions.Ingest.Raw;

/// <summary>Where raw bytes came from and how they were obtained, for the manifest.</summary>
/// <param name="Url">The URL or file path fetched.</param>
/// <param name="HttpStatus">The final HTTP status, or null when no response came.</param>
/// <param name="Attempts">Requests made.</param>
/// <param name="Sha256">Hash of the bytes received, for outcomes that store nothing (an empty body's hash, say).</param>
/// <param name="Size">Bytes received, for outcomes that store nothing.</param>
/// <param name="Detail">Why, in words.</param>
public sealed record RawProvenance(
    string Url, int? HttpStatus = 200, int Attempts = 1, string? Sha256 = null, long Size = 0, string? Detail = null);

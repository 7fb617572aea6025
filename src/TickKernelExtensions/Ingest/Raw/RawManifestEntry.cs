using System.Text.Json.Serialization;

namespace TickKernelExtensions.Ingest.Raw;

/// <summary>
/// One line of a raw-zone manifest (<c>_manifest.jsonl</c>): where a file came from and what became of it.
/// The manifest is append-only; the last line for a path is its current state.
/// </summary>
/// <param name="Path">The file's path below the source folder, with forward slashes.</param>
/// <param name="Url">The URL (or file path) it was fetched from.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes received (null when nothing was received).</param>
/// <param name="Size">Bytes received.</param>
/// <param name="HttpStatus">The final HTTP status (200 for a mirror file, null when no response came).</param>
/// <param name="Attempts">Requests made for this outcome.</param>
/// <param name="Time">When the outcome was decided (UTC).</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Detail">Why, in words (the last error, the number of ticks, …).</param>
public sealed record RawManifestEntry(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("sha256")] string? Sha256,
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("http_status")] int? HttpStatus,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("verdict")] RawVerdict Verdict,
    [property: JsonPropertyName("detail")] string? Detail = null);

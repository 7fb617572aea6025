using System.Text.Json.Serialization;

namespace TickKernelExtensions.Replication;

/// <summary>A multipart upload started and not yet completed or aborted; the next run aborts it.</summary>
/// <param name="Key">The object key relative to the destination.</param>
/// <param name="UploadId">The server's upload id.</param>
/// <param name="Started">When it was started (UTC).</param>
public sealed record PendingUpload(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("upload_id")] string UploadId,
    [property: JsonPropertyName("started")] DateTimeOffset Started);

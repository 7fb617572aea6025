using System.Text.Json.Serialization;

namespace TickKernelExtensions.Replication;

/// <summary>One file the destination holds, verified, as recorded in the replication manifest.</summary>
/// <param name="Size">Bytes.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the source file (and of the object).</param>
/// <param name="ModifiedTicks">The source file's last-write time (UTC ticks) when it was replicated; a file with the same size and time is not read again.</param>
/// <param name="Verified">How the object was checked: <c>read-back</c> (bytes read and hashed) or <c>head</c> (size and sha256 metadata).</param>
/// <param name="Time">When it was verified (UTC).</param>
public sealed record ReplicatedFile(
    [property: JsonPropertyName("size")] long Size,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("mtime_ticks")] long ModifiedTicks,
    [property: JsonPropertyName("verified")] string Verified,
    [property: JsonPropertyName("time")] DateTimeOffset Time);

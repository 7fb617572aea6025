namespace TickKernelExtensions.Ingest.Download;

/// <summary>Consecutive buckets in the same gap state, <c>[FromUtc, ToUtc)</c>, with the reason.</summary>
public sealed record GapRange(DateTime FromUtc, DateTime ToUtc, int Buckets, string Reason)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{FromUtc:yyyy-MM-dd HH:mm}–{ToUtc:yyyy-MM-dd HH:mm} UTC ({Buckets} bucket{(Buckets == 1 ? "" : "s")}: {Reason})";
}

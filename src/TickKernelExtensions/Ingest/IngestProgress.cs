namespace TickKernelExtensions.Ingest;

/// <summary>Progress of an ingest run: which stage, how far, and the last item handled.</summary>
/// <param name="Stage">"simulate", "download" or "convert".</param>
/// <param name="Done">Units done (hours, buckets or days).</param>
/// <param name="Total">Units in the stage.</param>
/// <param name="Detail">The last item, or a running count.</param>
public sealed record IngestProgress(string Stage, int Done, int Total, string? Detail);

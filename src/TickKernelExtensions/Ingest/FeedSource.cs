namespace TickKernelExtensions.Ingest;

/// <summary>Where <see cref="IngestJob"/> downloads from.</summary>
public enum FeedSource
{
    /// <summary>The built-in market: a simulated datafeed served on loopback HTTP (the default; no internet).</summary>
    BuiltIn,
    /// <summary>The legacy bi5 datafeed (or a mirror of it).</summary>
    Bi5,
    /// <summary>The JSON API (or a mirror of it).</summary>
    Json,
}

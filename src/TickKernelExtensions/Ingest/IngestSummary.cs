using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Ingest;

/// <summary>What an ingest run did: the simulation (built-in only), the download with its gap reports, and the conversion.</summary>
public sealed record IngestSummary(
    FeedSource Source,
    Uri FeedUrl,
    MirrorWriteResult? Simulation,
    DownloadReport Download,
    ConversionReport? Conversion,
    DataLayout Layout)
{
    /// <summary>True when every bucket is accounted for and every day converted.</summary>
    public bool Succeeded => Download.Complete && (Conversion?.Succeeded ?? true);
}

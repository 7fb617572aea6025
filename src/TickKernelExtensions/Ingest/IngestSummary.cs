using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Ingest;

/// <summary>What an ingest run did: the simulation (built-in only), the download with its gap reports, and the conversion.</summary>
/// <param name="Source">The feed kind.</param>
/// <param name="RawSource">The raw-zone folder and Parquet file name used (e.g. <c>dukascopy-bi5</c>, <c>builtin-1a2b3c4d</c>).</param>
/// <param name="FeedUrl">Where it downloaded from.</param>
/// <param name="Simulation">The built-in market's mirror, when simulated.</param>
/// <param name="Download">Every bucket's outcome and the gap reports.</param>
/// <param name="Conversion">Every symbol-day's outcome, unless conversion was off.</param>
/// <param name="Layout">The data zones.</param>
[TypeFormatterSource(typeof(ResultFormatterSource<IngestSummary>), PreferredMimeTypes = ["text/html"])]
public sealed record IngestSummary(
    FeedSource Source,
    string RawSource,
    Uri FeedUrl,
    MirrorWriteResult? Simulation,
    DownloadReport Download,
    ConversionReport? Conversion,
    DataLayout Layout)
{
    /// <summary>True when every bucket is accounted for and every day converted.</summary>
    public bool Succeeded => Download.Complete && (Conversion?.Succeeded ?? true);
}

using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>The result of a download run: one outcome per bucket, the request count, and per-symbol gaps.</summary>
[TypeFormatterSource(typeof(ResultFormatterSource<DownloadReport>), PreferredMimeTypes = ["text/html"])]
public sealed record DownloadReport(
    IReadOnlyList<BucketOutcome> Outcomes, int Requests, long Bytes, TimeSpan Elapsed, IReadOnlyList<SymbolGapReport> Gaps)
{
    /// <summary>Buckets in a given state.</summary>
    public int Count(BucketState state) => Outcomes.Count(o => o.State == state);

    /// <summary>True when nothing is missing, failed, suspect or conflicting.</summary>
    public bool Complete => Outcomes.All(o => o.State is BucketState.Stored or BucketState.AlreadyPresent
        or BucketState.ExpectedClosed or BucketState.Provisional);

    /// <summary>Ticks (or candles) stored by this run.</summary>
    public long RecordsStored => Outcomes.Where(o => o.State == BucketState.Stored).Sum(o => (long)o.Records);
}

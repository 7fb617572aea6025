using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// Builds gap reports from what the raw zone holds (files and manifest), so a report covers every run
/// so far, not only the last one.
/// </summary>
public static class GapReport
{
    /// <summary>One report per instrument of <paramref name="request"/>.</summary>
    public static IReadOnlyList<SymbolGapReport> Build(
        IDukascopyFeed feed, RawZone raw, DownloadRequest request, TimeProvider time, TimeSpan settleDelay)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(time);
        var latest = raw.Manifest(feed.SourceName).Latest();
        var now = time.GetUtcNow().UtcDateTime;
        return request.Instruments
            .Select(i => Build(i, DukascopyBucket.Plan(i, request.Kind, request.FromUtc, request.ToUtc, request.Side)
                .Select(b => (b, Classify(feed, raw, latest, b, now, settleDelay)))))
            .ToList();
    }

    /// <summary>Classifies one bucket.</summary>
    public static (GapState State, string Reason) Classify(
        IDukascopyFeed feed, RawZone raw, IReadOnlyDictionary<string, RawManifestEntry> latest,
        DukascopyBucket bucket, DateTime nowUtc, TimeSpan settleDelay)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(raw);
        ArgumentNullException.ThrowIfNull(latest);
        ArgumentNullException.ThrowIfNull(bucket);
        var path = feed.RawPathOf(bucket);
        if (raw.Contains(feed.SourceName, path))
        {
            return (GapState.Data, "stored");
        }
        if (latest.TryGetValue(path, out var entry))
        {
            switch (entry.Verdict)
            {
                case RawVerdict.EmptyClosed:
                    return (GapState.ExpectedClosed, "market closed");
                case RawVerdict.EmptySuspect:
                    return (GapState.Suspect, "empty in trading hours");
                case RawVerdict.NotFound:
                    return (GapState.Missing, "not found");
                case RawVerdict.Failed:
                    return (GapState.Missing, "failed: " + (entry.Detail ?? "unknown error"));
                case RawVerdict.Conflict:
                    return (GapState.Missing, "conflicting bytes");
            }
        }
        if (bucket.EndUtc + settleDelay > nowUtc)
        {
            return (GapState.Provisional, "not settled");
        }
        return (GapState.Missing, "not downloaded");
    }

    private static SymbolGapReport Build(Instrument instrument, IEnumerable<(DukascopyBucket Bucket, (GapState State, string Reason) Gap)> buckets)
    {
        int total = 0, data = 0, closed = 0, provisional = 0;
        var suspect = new List<GapRange>();
        var missing = new List<GapRange>();
        foreach (var (bucket, (state, reason)) in buckets)
        {
            total++;
            switch (state)
            {
                case GapState.Data: data++; break;
                case GapState.ExpectedClosed: closed++; break;
                case GapState.Provisional: provisional++; break;
                case GapState.Suspect: Extend(suspect, bucket, reason); break;
                case GapState.Missing: Extend(missing, bucket, reason); break;
            }
        }
        return new SymbolGapReport(instrument.Symbol, total, data, closed, provisional, suspect, missing);
    }

    private static void Extend(List<GapRange> ranges, DukascopyBucket bucket, string reason)
    {
        if (ranges.Count > 0 && ranges[^1] is var last && last.ToUtc == bucket.StartUtc && last.Reason == reason)
        {
            ranges[^1] = last with { ToUtc = bucket.EndUtc, Buckets = last.Buckets + 1 };
            return;
        }
        ranges.Add(new GapRange(bucket.StartUtc, bucket.EndUtc, 1, reason));
    }
}

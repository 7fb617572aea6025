using System.Text;
using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// The gap report of one instrument over a range: how many buckets hold data, how many are expected
/// closed (weekends), and which are suspect or missing, as ranges. Every missing bucket is named
/// in <see cref="Missing"/>.
/// </summary>
[TypeFormatterSource(typeof(ResultFormatterSource<SymbolGapReport>), PreferredMimeTypes = ["text/html"])]
public sealed record SymbolGapReport(
    string Symbol,
    int Buckets,
    int WithData,
    int ExpectedClosed,
    int Provisional,
    IReadOnlyList<GapRange> Suspect,
    IReadOnlyList<GapRange> Missing)
{
    /// <summary>Buckets empty inside trading hours.</summary>
    public int SuspectBuckets => Suspect.Sum(r => r.Buckets);

    /// <summary>Buckets with no data at all.</summary>
    public int MissingBuckets => Missing.Sum(r => r.Buckets);

    /// <summary>A few lines of plain text for consoles and logs.</summary>
    public string ToText()
    {
        var b = new StringBuilder();
        b.Append($"{Symbol}: {Buckets} buckets — {WithData} with data, {ExpectedClosed} expected closed, ")
         .Append($"{SuspectBuckets} empty in trading hours, {MissingBuckets} missing, {Provisional} provisional");
        foreach (var r in Missing)
        {
            b.Append("\n  missing ").Append(r);
        }
        foreach (var r in Suspect)
        {
            b.Append("\n  suspect ").Append(r);
        }
        return b.ToString();
    }
}

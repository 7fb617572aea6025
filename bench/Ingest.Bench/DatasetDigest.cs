namespace Ingest.Bench;

/// <summary>
/// A dataset as DuckDB reads it back. The sums in points (1e-5) and hundredths of a million are exact integers,
/// so two datasets with the same ticks agree whatever the file order; the double sums are shown for reference.
/// </summary>
internal sealed record DatasetDigest(
    long Rows, long BidPoints, long AskPoints, long BidVolumeHundredths, long AskVolumeHundredths,
    long FirstMicros, long LastMicros, long Partitions, double BidSum, double AskSum)
{
    /// <summary>Equal on everything but the double sums, whose last bits depend on the order of summation.</summary>
    public bool SameTicks(DatasetDigest other) => this with { BidSum = 0, AskSum = 0 } == other with { BidSum = 0, AskSum = 0 };
}

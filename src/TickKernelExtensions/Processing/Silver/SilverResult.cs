using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Processing.Silver;

/// <summary>What a <see cref="SilverTicks.BuildAsync"/> run did.</summary>
/// <param name="BronzeSnapshotId">The bronze snapshot that was read (the lineage of the silver snapshot).</param>
/// <param name="SilverSnapshotId">The silver.ticks snapshot committed; null when there was nothing to clean.</param>
/// <param name="QualitySnapshotId">The silver.quality snapshot committed; null when there was nothing to clean.</param>
/// <param name="Quality">One quality report per (symbol, day) cleaned.</param>
/// <param name="Elapsed">Wall time of the run.</param>
public sealed record SilverResult(long? BronzeSnapshotId, long? SilverSnapshotId, long? QualitySnapshotId, TickQualityTable Quality, TimeSpan Elapsed)
{
    /// <summary>Ticks kept per second of wall time.</summary>
    public double TicksPerSecond => Elapsed.TotalSeconds > 0 ? Quality.InputTicks / Elapsed.TotalSeconds : 0;
}

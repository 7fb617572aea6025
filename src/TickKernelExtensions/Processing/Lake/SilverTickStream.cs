using System.Runtime.CompilerServices;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Processing.Lake;

/// <summary>
/// Streams one symbol's <c>silver.ticks</c> day by day, in time order, for exporters that must not hold a long range
/// in memory (the MT5 tick export): one batch per (symbol, day) partition, cut to <c>[from, to)</c>, without the ticks
/// carrying any of <c>excludeFlags</c> (by default those gold leaves out of bars, as
/// <see cref="Gold.GoldFeatures.ReadTicksAsync"/> does), all read at one snapshot.
/// </summary>
public static class SilverTickStream
{
    /// <summary>The batches; each is a fresh <see cref="TickColumns"/> the caller may keep.</summary>
    public static async IAsyncEnumerable<TickColumns> ReadAsync(
        IcebergTables tables, string symbol, DateTime? fromUtc = null, DateTime? toUtc = null,
        TickFlags excludeFlags = TickFlags.Spike | TickFlags.CrossedQuote, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var silver = await tables.LoadAsync(SilverTicks.Table, cancellationToken);
        var options = new IcebergScanOptions { SnapshotId = silver.Metadata.CurrentSnapshotId };
        var from = fromUtc is { } f ? TickTime.ToMicros(f) : long.MinValue;
        var to = toUtc is { } t ? TickTime.ToMicros(t) : long.MaxValue;
        var flags = new List<int>();
        using var connection = LakeParquetFile.OpenConnection();
        foreach (var partition in LakeTicks.Partitions(silver, options).Where(p => p.Symbol == symbol))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var dayStart = TickTime.ToMicros(partition.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc));
            if (dayStart + TickTime.MicrosPerDay <= from || dayStart >= to)
            {
                continue;
            }
            var day = LakeTicks.Read(silver, partition, connection, flags);
            var kept = new TickColumns(day.Count);
            for (var i = 0; i < day.Count; i++)
            {
                var ts = day.Timestamps[i];
                if (ts >= from && ts < to && (flags[i] & (int)excludeFlags) == 0)
                {
                    kept.Add(ts, day.Bids[i], day.Asks[i], day.BidVolumes[i], day.AskVolumes[i]);
                }
            }
            if (kept.Count > 0)
            {
                yield return kept;
            }
        }
    }
}

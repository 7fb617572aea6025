using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Lake;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>
/// Stage 3's second step: <c>silver.ticks</c> → <c>gold.bars_*</c> and <c>gold.features_*</c>. Symbols run in
/// parallel; within a symbol the silver days are streamed in time order through one bar builder and one
/// <see cref="FeatureSetCalculator"/>, so bars and features continue across days exactly as one pass over the whole
/// history would (and as the serving host computes them, bar by bar). Ticks with <see cref="GoldOptions.ExcludeFlags"/>
/// are left out. Each table gets one commit that replaces the (symbol, day) partitions written; the feature table's
/// properties hold the feature set (<c>tick.feature-set</c>, canonical JSON, and its sha256) and the bar table it was
/// computed from.
/// </summary>
public static class GoldTables
{
    /// <summary>Builds the bar and feature tables the options name (see the type summary).</summary>
    public static async Task<GoldResult> BuildAsync(
        IcebergTables tables, GoldOptions? options = null, IProgress<ProcessingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        options ??= new GoldOptions();
        options.Validate();
        var clock = Stopwatch.StartNew();
        var entry = await tables.Catalog.LoadTableAsync(SilverTicks.Table, cancellationToken);
        var silver = IcebergTableReader.Open(options.ReadIo ?? tables.Io, entry.MetadataLocation);
        var bySymbol = LakeTicks.Partitions(silver)
            .Where(p => options.Symbols is null || options.Symbols.Contains(p.Symbol, StringComparer.Ordinal))
            .GroupBy(p => p.Symbol, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(p => p.Day).ToList(), StringComparer.Ordinal);
        var barsTable = GoldSchemas.BarsTable(options.Bars);
        var featuresTable = GoldSchemas.FeaturesTable(options.FeatureSet);
        var columns = new FeatureSetCalculator(options.FeatureSet).Columns;
        var featuresSchema = GoldSchemas.FeaturesSchema(columns);
        var staging = options.StagingFolder ?? Path.Combine(Path.GetTempPath(), "gold-" + Guid.NewGuid().ToString("N"));
        var written = new ConcurrentBag<(LakePartition Partition, string Bars, string Features, int Count)>();
        var done = 0;
        try
        {
            await Parallel.ForEachAsync(bySymbol,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                (symbol, ct) =>
                {
                    using var connection = LakeParquetFile.OpenConnection();
                    foreach (var file in BuildSymbol(silver, symbol.Key, symbol.Value, options, featuresSchema, connection, staging, ct))
                    {
                        written.Add(file);
                    }
                    progress?.Report(new ProcessingProgress("gold", Interlocked.Increment(ref done), bySymbol.Count, symbol.Key));
                    return ValueTask.CompletedTask;
                });
            var files = written.OrderBy(w => w.Partition.Symbol, StringComparer.Ordinal).ThenBy(w => w.Partition.Day).ToList();
            var properties = new Dictionary<string, string>
            {
                ["tick.feature-set"] = options.FeatureSet.ToJson(),
                ["tick.feature-set.sha256"] = options.FeatureSet.ContentHash,
                ["tick.bars-table"] = barsTable.ToString(),
            };
            if (files.Count == 0)
            {
                return new GoldResult(silver.Metadata.CurrentSnapshotId, barsTable, null, featuresTable, null, options.FeatureSet, 0, 0, clock.Elapsed);
            }
            await LakeTables.EnsureAsync(tables, barsTable, GoldSchemas.BarsSchema, GoldSchemas.Spec, cancellationToken);
            await LakeTables.EnsureAsync(tables, featuresTable, featuresSchema, GoldSchemas.Spec, cancellationToken, properties);
            // Every silver day read is replaced, with or without bars now, so no stale day survives a re-run.
            IReadOnlyList<IReadOnlyDictionary<string, object?>> partitions =
                [.. files.Select(f => f.Partition).Concat(bySymbol.Values.SelectMany(d => d)).Distinct()
                    .Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["symbol"] = p.Symbol, ["open_time_day"] = p.Day })];
            var bars = await tables.ReplacePartitionsAsync(barsTable, partitions, [.. files.Select(f => f.Bars)], cancellationToken);
            var features = await tables.ReplacePartitionsAsync(featuresTable, partitions, [.. files.Select(f => f.Features)], cancellationToken);
            return new GoldResult(silver.Metadata.CurrentSnapshotId, barsTable, bars.SnapshotId, featuresTable, features.SnapshotId,
                options.FeatureSet, files.Sum(f => (long)f.Count), files.Count, clock.Elapsed);
        }
        finally
        {
            if (options.StagingFolder is null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    // One symbol, day by day: bars and features continue across days. Completed bars wait in a small buffer until their
    // open day can no longer change (a bar opening on day d may complete only when day d + 1's first tick arrives); then
    // their features are computed (in bar order, so the calculator sees one continuous series) and both are written, so
    // memory holds about two days of bars whatever the date range.
    private static List<(LakePartition, string, string, int)> BuildSymbol(
        IcebergTableReader silver, string symbol, List<LakePartition> days, GoldOptions options, IcebergSchema featuresSchema,
        DuckDBConnection connection, string staging, CancellationToken cancellationToken)
    {
        var builder = new TimeBarBuilder(options.Bars);
        var calculator = new FeatureSetCalculator(options.FeatureSet);
        var pending = new BarColumns(4096);
        var flags = new List<int>();
        var kept = new TickColumns(16_384);
        var writer = new LakeParquetFile(connection);
        var output = new List<(LakePartition, string, string, int)>();
        foreach (var day in days)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ticks = LakeTicks.Read(silver, day, connection, flags);
            kept.Clear();
            for (var i = 0; i < ticks.Count; i++)
            {
                if ((flags[i] & (int)options.ExcludeFlags) == 0)
                {
                    kept.Add(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i]);
                }
            }
            builder.Add(kept, pending);
            pending = WriteDays(symbol, pending, TickTime.ToMicros(day.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), calculator, featuresSchema, writer, staging, output);
        }
        builder.Flush(pending);
        WriteDays(symbol, pending, long.MaxValue, calculator, featuresSchema, writer, staging, output);
        return output;
    }

    // Writes every pending bar that opens before `before`, with its feature row, one file pair per open day; returns the rest.
    private static BarColumns WriteDays(
        string symbol, BarColumns pending, long before, FeatureSetCalculator calculator, IcebergSchema featuresSchema, LakeParquetFile writer,
        string staging, List<(LakePartition, string, string, int)> output)
    {
        var start = 0;
        while (start < pending.Count && pending.OpenTimes[start] < before)
        {
            var dayNumber = TickTime.DayNumber(pending.OpenTimes[start]);
            var end = start;
            while (end < pending.Count && pending.OpenTimes[end] < before && TickTime.DayNumber(pending.OpenTimes[end]) == dayNumber)
            {
                end++;
            }
            var bars = Slice(pending, start, end - start);
            var features = calculator.CreateTable(bars.Count);
            calculator.Append(bars, features);
            var day = DateOnly.FromDayNumber(LakeParquetFile.EpochDayNumber + dayNumber);
            var folder = Path.Combine(staging, symbol, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var barsFile = Path.Combine(folder, "bars.parquet");
            var featuresFile = Path.Combine(folder, "features.parquet");
            writer.Write(barsFile, GoldSchemas.BarsSchema, bars.Count, (a, i) =>
            {
                var bar = bars[i];
                var row = a.CreateRow().AppendValue(symbol).AppendValue(bar.OpenTime).AppendValue(bar.CloseTime).AppendValue(bar.TickCount);
                foreach (var field in Fields)
                {
                    row = row.AppendValue(bars.Column(field)[i]);
                }
                row.EndRow();
            });
            writer.Write(featuresFile, featuresSchema, features.Count, (a, i) =>
            {
                var row = a.CreateRow().AppendValue(symbol).AppendValue(features.OpenTimes[i]).AppendValue(features.CloseTimes[i]);
                for (var c = 0; c < features.ColumnNames.Count; c++)
                {
                    var v = features.Column(c)[i];
                    row = double.IsNaN(v) ? row.AppendNullValue() : row.AppendValue(v);
                }
                row.EndRow();
            });
            output.Add((new LakePartition(symbol, day), barsFile, featuresFile, bars.Count));
            start = end;
        }
        return start == 0 ? pending : Slice(pending, start, pending.Count - start);
    }

    private static BarColumns Slice(BarColumns bars, int from, int count)
    {
        var slice = new BarColumns(Math.Max(16, count));
        slice.AddRange(bars, from, count);
        return slice;
    }

    private static readonly BarField[] Fields = Enum.GetValues<BarField>();
}

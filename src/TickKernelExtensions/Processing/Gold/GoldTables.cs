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
    // open day can no longer change (a bar opening on day d may complete only when day d + 1's first tick arrives), then
    // are written, so memory holds about two days of bars whatever the date range.
    private static List<(LakePartition, string, string, int)> BuildSymbol(
        IcebergTableReader silver, string symbol, List<LakePartition> days, GoldOptions options, IcebergSchema featuresSchema,
        DuckDBConnection connection, string staging, CancellationToken cancellationToken)
    {
        var builder = new TimeBarBuilder(options.Bars);
        var calculator = new FeatureSetCalculator(options.FeatureSet);
        var bars = new BarColumns(4096);
        var features = calculator.CreateTable(4096);
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
            var before = bars.Count;
            builder.Add(kept, bars);
            calculator.Append(Slice(bars, before), features);
            WriteDays(symbol, bars, features, TickTime.ToMicros(day.Day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)), featuresSchema, writer, staging, output);
        }
        var last = bars.Count;
        builder.Flush(bars);
        calculator.Append(Slice(bars, last), features);
        WriteDays(symbol, bars, features, long.MaxValue, featuresSchema, writer, staging, output);
        return output;
    }

    private static BarColumns Slice(BarColumns bars, int from)
    {
        var slice = new BarColumns(Math.Max(1, bars.Count - from));
        slice.AddRange(bars, from, bars.Count - from);
        return slice;
    }

    // Writes every buffered bar (and its feature row) that opens before `before`, one file pair per open day, and keeps the rest.
    private static void WriteDays(
        string symbol, BarColumns bars, FeatureTable features, long before, IcebergSchema featuresSchema, LakeParquetFile writer, string staging,
        List<(LakePartition, string, string, int)> output)
    {
        var start = 0;
        while (start < bars.Count && bars.OpenTimes[start] < before)
        {
            var dayNumber = TickTime.DayNumber(bars.OpenTimes[start]);
            var end = start;
            while (end < bars.Count && bars.OpenTimes[end] < before && TickTime.DayNumber(bars.OpenTimes[end]) == dayNumber)
            {
                end++;
            }
            var day = DateOnly.FromDayNumber(LakeParquetFile.EpochDayNumber + dayNumber);
            var folder = Path.Combine(staging, symbol, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var barsFile = Path.Combine(folder, "bars.parquet");
            var featuresFile = Path.Combine(folder, "features.parquet");
            var first = start;
            writer.Write(barsFile, GoldSchemas.BarsSchema, end - start, (a, i) =>
            {
                var bar = bars[first + i];
                var row = a.CreateRow().AppendValue(symbol).AppendValue(bar.OpenTime).AppendValue(bar.CloseTime).AppendValue(bar.TickCount);
                foreach (var field in Fields)
                {
                    row = row.AppendValue(bars.Column(field)[first + i]);
                }
                row.EndRow();
            });
            writer.Write(featuresFile, featuresSchema, end - start, (a, i) =>
            {
                var row = a.CreateRow().AppendValue(symbol).AppendValue(features.OpenTimes[first + i]).AppendValue(features.CloseTimes[first + i]);
                for (var c = 0; c < features.ColumnNames.Count; c++)
                {
                    var v = features.Column(c)[first + i];
                    row = double.IsNaN(v) ? row.AppendNullValue() : row.AppendValue(v);
                }
                row.EndRow();
            });
            output.Add((new LakePartition(symbol, day), barsFile, featuresFile, end - start));
            start = end;
        }
        if (start > 0)
        {
            Drop(bars, features, start);
        }
    }

    private static readonly BarField[] Fields = Enum.GetValues<BarField>();

    // Removes the first `count` rows of both buffers.
    private static void Drop(BarColumns bars, FeatureTable features, int count)
    {
        var keptBars = new BarColumns(Math.Max(16, bars.Count - count));
        keptBars.AddRange(bars, count, bars.Count - count);
        bars.Clear();
        bars.AddRange(keptBars, 0, keptBars.Count);
        var row = new double[features.ColumnNames.Count];
        var rest = Enumerable.Range(count, features.Count - count).Select(i =>
        {
            var values = new double[row.Length];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = features.Column(c)[i];
            }
            return (features.OpenTimes[i], features.CloseTimes[i], values);
        }).ToList();
        features.Clear();
        foreach (var (open, close, values) in rest)
        {
            features.AddRow(open, close, values);
        }
    }
}

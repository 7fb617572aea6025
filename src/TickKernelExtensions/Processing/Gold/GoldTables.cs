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
            await SilverTicks.EnsureTableAsync(tables, barsTable, GoldSchemas.BarsSchema, GoldSchemas.Spec, cancellationToken);
            await SilverTicks.EnsureTableAsync(tables, featuresTable, featuresSchema, GoldSchemas.Spec, cancellationToken, properties);
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

    // One symbol, day by day: bars continue across days; every completed bar goes to its open day's files.
    private static List<(LakePartition, string, string, int)> BuildSymbol(
        IcebergTableReader silver, string symbol, List<LakePartition> days, GoldOptions options, IcebergSchema featuresSchema,
        DuckDBConnection connection, string staging, CancellationToken cancellationToken)
    {
        var builder = new TimeBarBuilder(options.Bars);
        var calculator = new FeatureSetCalculator(options.FeatureSet);
        var bars = new BarColumns(2048);
        var flags = new List<int>();
        var kept = new TickColumns(16_384);
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
            builder.Add(kept, bars);
        }
        builder.Flush(bars);
        var table = calculator.CreateTable(bars.Count);
        calculator.Append(bars, table);
        var writer = new LakeParquetFile(connection);
        var output = new List<(LakePartition, string, string, int)>();
        var start = 0;
        while (start < bars.Count)
        {
            var day = DateOnly.FromDayNumber(LakeParquetFile.EpochDayNumber + TickTime.DayNumber(bars.OpenTimes[start]));
            var end = start;
            while (end < bars.Count && TickTime.DayNumber(bars.OpenTimes[end]) == TickTime.DayNumber(bars.OpenTimes[start]))
            {
                end++;
            }
            var folder = Path.Combine(staging, symbol, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var barsFile = Path.Combine(folder, "bars.parquet");
            var featuresFile = Path.Combine(folder, "features.parquet");
            var first = start;
            writer.Write(barsFile, GoldSchemas.BarsSchema, end - start, (a, i) =>
            {
                var bar = bars[first + i];
                var row = a.CreateRow().AppendValue(symbol).AppendValue(bar.OpenTime).AppendValue(bar.CloseTime).AppendValue(bar.TickCount);
                foreach (var field in Enum.GetValues<BarField>())
                {
                    row = row.AppendValue(bars.Column(field)[first + i]);
                }
                row.EndRow();
            });
            writer.Write(featuresFile, featuresSchema, end - start, (a, i) =>
            {
                var row = a.CreateRow().AppendValue(symbol).AppendValue(table.OpenTimes[first + i]).AppendValue(table.CloseTimes[first + i]);
                for (var c = 0; c < table.ColumnNames.Count; c++)
                {
                    var v = table.Column(c)[first + i];
                    row = double.IsNaN(v) ? row.AppendNullValue() : row.AppendValue(v);
                }
                row.EndRow();
            });
            output.Add((new LakePartition(symbol, day), barsFile, featuresFile, end - start));
            start = end;
        }
        return output;
    }
}

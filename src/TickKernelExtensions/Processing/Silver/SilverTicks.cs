using System.Collections.Concurrent;
using System.Diagnostics;
using DuckDB.NET.Data;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Lake;

namespace TickKernelExtensions.Processing.Silver;

/// <summary>
/// Stage 3's first step: <c>bronze.ticks</c> → <c>silver.ticks</c>. Each (symbol, day) partition of the bronze
/// snapshot is read into columns, cleaned by <see cref="TickCleaner"/> (sorted, de-duplicated, invalid quotes dropped
/// or flagged, spikes flagged, gaps found), tagged with its trading day (<see cref="TradingSessionRule"/>) and written
/// as one Parquet file; partitions run in parallel, each on its own DuckDB connection, so memory is bounded by one
/// symbol-day per worker. The run ends with one commit to <c>silver.ticks</c> that replaces exactly the partitions it
/// cleaned (a re-run is idempotent) and one to <c>silver.quality</c> with the quality report of each. The silver
/// snapshot's summary does not name its input; <see cref="SilverResult.BronzeSnapshotId"/> does, for lineage.
/// </summary>
public static class SilverTicks
{
    /// <summary>The table: <c>silver.ticks</c>.</summary>
    public static TableIdentifier Table { get; } = new("silver", "ticks");

    /// <summary>Bronze's columns and field ids, plus <c>flags</c> (7, <see cref="TickFlags"/> bits) and <c>session_date</c> (8, the trading day).</summary>
    public static IcebergSchema Schema { get; } = new(0,
    [
        .. BronzeTicks.Schema.Fields,
        new IcebergField(7, "flags", true, IcebergPrimitiveType.Int),
        new IcebergField(8, "session_date", true, IcebergPrimitiveType.Date),
    ]);

    /// <summary>Bronze's partitioning: identity(symbol), day(ts).</summary>
    public static IcebergPartitionSpec Spec => BronzeTicks.Spec;

    /// <summary>Cleans the bronze partitions the options select and publishes them (see the type summary).</summary>
    /// <exception cref="CatalogException"><c>bronze.ticks</c> is not in the catalog.</exception>
    /// <exception cref="IcebergException">Its metadata or a data file cannot be read, or an existing silver table's schema differs.</exception>
    public static async Task<SilverResult> BuildAsync(
        IcebergTables tables, SilverOptions? options = null, IProgress<ProcessingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        options ??= new SilverOptions();
        options.Validate();
        var clock = Stopwatch.StartNew();
        var entry = await tables.Catalog.LoadTableAsync(BronzeTicks.Table, cancellationToken);
        var bronze = IcebergTableReader.Open(options.ReadIo ?? tables.Io, entry.MetadataLocation);
        var partitions = LakeTicks.Partitions(bronze)
            .Where(p => (options.Symbols is null || options.Symbols.Contains(p.Symbol, StringComparer.Ordinal))
                && (options.From is null || p.Day >= options.From) && (options.To is null || p.Day <= options.To))
            .ToList();
        var staging = options.StagingFolder ?? Path.Combine(Path.GetTempPath(), "silver-" + Guid.NewGuid().ToString("N"));
        var reports = new ConcurrentDictionary<LakePartition, (TickQualityReport Report, string? File, string QualityFile)>();
        var done = 0;
        try
        {
            using var pool = new ConnectionPool();
            await Parallel.ForEachAsync(partitions,
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                (partition, ct) =>
                {
                    var connection = pool.Rent();
                    try
                    {
                        reports[partition] = CleanPartition(bronze, partition, options, connection, staging);
                    }
                    finally
                    {
                        pool.Return(connection);
                    }
                    progress?.Report(new ProcessingProgress("silver", Interlocked.Increment(ref done), partitions.Count, partition.ToString()));
                    return ValueTask.CompletedTask;
                });
            var ordered = partitions.Select(p => reports[p]).ToList();
            var quality = new TickQualityTable([.. ordered.Select(r => r.Report)]);
            if (partitions.Count == 0)
            {
                return new SilverResult(bronze.Metadata.CurrentSnapshotId, null, null, quality, clock.Elapsed);
            }
            await LakeTables.EnsureAsync(tables, Table, Schema, Spec, cancellationToken);
            await LakeTables.EnsureAsync(tables, SilverQuality.Table, SilverQuality.Schema, SilverQuality.Spec, cancellationToken);
            var silver = await tables.ReplacePartitionsAsync(Table,
                [.. partitions.Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["symbol"] = p.Symbol, ["ts_day"] = p.Day })],
                [.. ordered.Where(r => r.File is not null).Select(r => r.File!)], cancellationToken);
            var qualityCommit = await tables.ReplacePartitionsAsync(SilverQuality.Table,
                [.. partitions.Select(p => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?> { ["symbol"] = p.Symbol, ["day_day"] = p.Day })],
                [.. ordered.Select(r => r.QualityFile)], cancellationToken);
            return new SilverResult(bronze.Metadata.CurrentSnapshotId, silver.SnapshotId, qualityCommit.SnapshotId, quality, clock.Elapsed);
        }
        finally
        {
            if (options.StagingFolder is null && Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static (TickQualityReport Report, string? File, string QualityFile) CleanPartition(
        IcebergTableReader bronze, LakePartition partition, SilverOptions options, DuckDBConnection connection, string staging)
    {
        var input = LakeTicks.Read(bronze, partition, connection);
        var (ticks, flags, report) = TickCleaner.CleanDay(partition.Symbol, partition.Day, input, options.Cleaning);
        var sessions = new DateOnly[ticks.Count];
        options.Cleaning.Gaps.Sessions.TagSessions(ticks.Timestamps, sessions);
        var folder = Path.Combine(staging, partition.Symbol, partition.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        var writer = new LakeParquetFile(connection);
        string? file = null;
        if (ticks.Count > 0)
        {
            file = Path.Combine(folder, "ticks.parquet");
            writer.Write(file, Schema, ticks.Count, (a, i) =>
            {
                var row = a.CreateRow().AppendValue(partition.Symbol).AppendValue(ticks.Timestamps[i]).AppendValue(ticks.Bids[i]).AppendValue(ticks.Asks[i]);
                row = float.IsNaN(ticks.BidVolumes[i]) ? row.AppendNullValue() : row.AppendValue(ticks.BidVolumes[i]);
                row = float.IsNaN(ticks.AskVolumes[i]) ? row.AppendNullValue() : row.AppendValue(ticks.AskVolumes[i]);
                row.AppendValue((int)flags[i]).AppendValue(sessions[i].DayNumber - LakeParquetFile.EpochDayNumber).EndRow();
            });
        }
        var qualityFile = Path.Combine(folder, "quality.parquet");
        SilverQuality.Write(writer, qualityFile, report);
        return (report, file, qualityFile);
    }

    /// <summary>DuckDB connections reused across partitions (opening one costs milliseconds).</summary>
    private sealed class ConnectionPool : IDisposable
    {
        private readonly ConcurrentBag<DuckDBConnection> _idle = [];

        public DuckDBConnection Rent() => _idle.TryTake(out var c) ? c : LakeParquetFile.OpenConnection();

        public void Return(DuckDBConnection connection) => _idle.Add(connection);

        public void Dispose()
        {
            while (_idle.TryTake(out var c))
            {
                c.Dispose();
            }
        }
    }
}

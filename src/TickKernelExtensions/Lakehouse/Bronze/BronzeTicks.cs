using System.Security.Cryptography;
using System.Text.Json;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;

namespace TickKernelExtensions.Lakehouse.Bronze;

/// <summary>
/// Publishes stage 1's tick Parquet (<c>data/parquet/ticks/symbol=/date=/&lt;source&gt;.parquet</c>) as the Iceberg table
/// <c>bronze.ticks</c>: identity(symbol) and day(ts) partitions, the files' own field ids 1–6. The table owns copies, so
/// re-converting a day in stage 1 never changes a published snapshot. Re-publishing sends only what changed: new days are
/// appended in one snapshot, a day whose file changed replaces its partition (<c>overwrite</c>), unchanged days are left
/// alone. What was published is recorded in <c>data/lakehouse/bronze-ticks.&lt;source&gt;.json</c> (written atomically after
/// each commit).
/// </summary>
public static class BronzeTicks
{
    /// <summary>The table: <c>bronze.ticks</c>.</summary>
    public static TableIdentifier Table { get; } = new("bronze", "ticks");

    /// <summary>The table's schema: the tick Parquet's columns and field ids.</summary>
    public static IcebergSchema Schema { get; } = new(0,
    [
        new IcebergField(TickParquetSchema.SymbolFieldId, "symbol", true, IcebergPrimitiveType.String),
        new IcebergField(TickParquetSchema.TimestampFieldId, "ts", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(TickParquetSchema.BidFieldId, "bid", false, IcebergPrimitiveType.Double),
        new IcebergField(TickParquetSchema.AskFieldId, "ask", false, IcebergPrimitiveType.Double),
        new IcebergField(TickParquetSchema.BidVolumeFieldId, "bid_volume", false, IcebergPrimitiveType.Float),
        new IcebergField(TickParquetSchema.AskVolumeFieldId, "ask_volume", false, IcebergPrimitiveType.Float),
    ]);

    /// <summary>The partition spec: identity(symbol), day(ts) as <c>ts_day</c>.</summary>
    public static IcebergPartitionSpec Spec { get; } = new(0,
    [
        new IcebergPartitionField("symbol", IcebergTransform.Identity, TickParquetSchema.SymbolFieldId, 1000),
        new IcebergPartitionField("ts_day", IcebergTransform.Day, TickParquetSchema.TimestampFieldId, 1001),
    ]);

    /// <summary>
    /// Publishes the files of <paramref name="sourceId"/> (e.g. <c>builtin-1a2b3c4d</c>, <c>dukascopy-bi5</c>): creates the
    /// namespace and table when missing, appends new days, replaces changed ones.
    /// </summary>
    /// <param name="tables">The lakehouse's tables (catalog and warehouse).</param>
    /// <param name="dataset">Stage 1's tick dataset.</param>
    /// <param name="sourceId">Which source's files to publish; one source per table keeps days from being counted twice.</param>
    /// <param name="recordFolder">Where the publish record lives (normally <c>data/lakehouse</c>).</param>
    /// <param name="cancellationToken">Stops between commits; a commit is all or nothing.</param>
    public static async Task<BronzePublishResult> PublishAsync(
        IcebergTables tables, TickParquetDataset dataset, string sourceId, string recordFolder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceId);
        var catalog = tables.Catalog;
        if (!await catalog.NamespaceExistsAsync(Table.Namespace, cancellationToken))
        {
            await catalog.CreateNamespaceAsync(Table.Namespace, cancellationToken: cancellationToken);
        }
        if (!await catalog.TableExistsAsync(Table, cancellationToken))
        {
            await tables.CreateTableAsync(Table, Schema, Spec, new Dictionary<string, string> { ["tick-workbench.stage"] = "bronze" }, cancellationToken);
        }
        var recordPath = Path.Combine(recordFolder, $"bronze-ticks.{sourceId}.json");
        var record = Load(recordPath);
        var fileName = sourceId + ".parquet";
        var files = dataset.ListFiles().Where(f => Path.GetFileName(f.Path) == fileName).ToList();
        if (files.Count == 0)
        {
            throw new IcebergException(IcebergErrorKind.FileNotFound, $"No tick Parquet of source '{sourceId}' under {dataset.Root} (expected symbol=…/date=…/{fileName}); run stage 1 (pipeline ingest or convert) first.");
        }
        var added = new List<TickDatasetFile>();
        var replaced = new List<TickDatasetFile>();
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var hash = Sha256(file.Path);
            hashes[file.RelativePath] = hash;
            if (!record.TryGetValue(file.RelativePath, out var published))
            {
                added.Add(file);
            }
            else if (published != hash)
            {
                replaced.Add(file);
            }
        }
        long? snapshot = null;
        var commits = 0;
        if (added.Count > 0)
        {
            var result = await tables.AppendCopiesAsync(Table, added.Select(f => f.Path).ToList(), cancellationToken);
            (snapshot, commits) = (result.SnapshotId, commits + 1);
            foreach (var file in added)
            {
                record[file.RelativePath] = hashes[file.RelativePath];
            }
            Save(recordPath, record);
        }
        foreach (var file in replaced)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var copy = await CopyIntoTableAsync(tables, file, cancellationToken);
            try
            {
                var result = await tables.OverwritePartitionAsync(Table,
                    new Dictionary<string, object?> { ["symbol"] = file.Symbol, ["ts_day"] = file.Date }, [copy], cancellationToken);
                (snapshot, commits) = (result.SnapshotId, commits + 1);
            }
            catch
            {
                tables.DeleteFile(copy);
                throw;
            }
            record[file.RelativePath] = hashes[file.RelativePath];
            Save(recordPath, record);
        }
        return new BronzePublishResult(Table, sourceId, files.Count, added.Count, replaced.Count, files.Count - added.Count - replaced.Count, commits, snapshot);
    }

    /// <summary>Copies a day's file into the table's <c>data/symbol=…/ts_day=…/</c> (atomically, on disk or S3) and returns its location.</summary>
    private static Task<string> CopyIntoTableAsync(IcebergTables tables, TickDatasetFile file, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var location = tables.DefaultLocation(Table) + $"/data/symbol={file.Symbol}/ts_day={file.Date:yyyy-MM-dd}/{Guid.NewGuid():N}.parquet";
        return Task.FromResult(tables.CopyIntoTable(file.Path, location));
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, string> Load(string path) =>
        File.Exists(path)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path)) ?? new Dictionary<string, string>(StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);

    private static void Save(string path, Dictionary<string, string> record) =>
        AtomicFile.Replace(path, JsonSerializer.SerializeToUtf8Bytes(
            new SortedDictionary<string, string>(record, StringComparer.Ordinal), new JsonSerializerOptions { WriteIndented = true }));
}

using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Replaces whole partitions in one snapshot (<c>operation=overwrite</c>), as Spark's <c>overwritePartitions</c>
    /// does: every data file of the default spec in the partitions named by <paramref name="partitions"/> becomes a
    /// DELETED entry, and copies of <paramref name="localFiles"/> (each in one of those partitions) are added. A
    /// partition named without a new file ends up empty, so a re-run that produced nothing for it removes its old rows.
    /// The copies go to the table's own <c>data/&lt;partition&gt;/</c> folder (atomically; one PUT each on S3) and are
    /// removed again if the commit fails. Conflicting commits are re-applied on the winner's metadata.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="partitions">A value for every partition field by name (e.g. <c>symbol</c>, <c>ts_day</c>) per partition.</param>
    /// <param name="localFiles">Parquet files with the table's field ids, on local disk.</param>
    /// <param name="cancellationToken">Stops before the commit.</param>
    public async Task<IcebergCommitResult> ReplacePartitionsAsync(
        TableIdentifier table, IReadOnlyList<IReadOnlyDictionary<string, object?>> partitions, IReadOnlyList<string> localFiles,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(localFiles);
        if (partitions.Count == 0)
        {
            throw new ArgumentException("Name at least one partition to replace.", nameof(partitions));
        }
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var start = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        var spec = start.DefaultSpec;
        var targets = partitions.Select(p => PartitionValues(start, p)).ToList();
        var inspected = InspectInParallel(start, localFiles, cancellationToken);
        foreach (var f in inspected.Where(f => !targets.Any(t => SamePartition(start, spec, f.Partition, t))))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A replacement file is not in any of the partitions being replaced.")
            {
                File = f.FilePath,
                Field = "partition",
                Expected = string.Join(" | ", targets.Select(t => Describe(spec, t))),
                Actual = Describe(spec, f.Partition),
            };
        }
        cancellationToken.ThrowIfCancellationRequested();
        var copies = new List<string>();
        var files = new List<IcebergDataFile>();
        try
        {
            foreach (var file in inspected)
            {
                files.Add(CopyIntoDataFolder(start, spec, file, copies));
            }
            return await CommitAsync(table, (m, attempt) =>
            {
                var snapshotId = NewSnapshotId();
                var sequence = m.LastSequenceNumber + 1;
                return Rewrite(m, snapshotId, sequence, attempt, (manifest, e) =>
                    manifest.PartitionSpecId == spec.SpecId && targets.Any(t => SamePartition(m, spec, e.DataFile.Partition, t)) ? [] : null,
                    files.Select(f => (spec, f)).ToList(), "overwrite");
            }, cancellationToken);
        }
        catch (Exception e) when (e is not CatalogException { Kind: CatalogErrorKind.CommitStateUnknown })
        {
            copies.ForEach(_store.Delete);
            throw;
        }
    }

    // Inspection reads each file once through DuckDB (row counts, bounds); a run of many partitions spreads it over
    // the cores, one inspector (connection) per worker, keeping the files' order.
    private List<IcebergDataFile> InspectInParallel(IcebergTableMetadata m, IReadOnlyList<string> localFiles, CancellationToken cancellationToken)
    {
        if (localFiles.Count <= 1)
        {
            return localFiles.Count == 0 ? [] : Inspect(m, localFiles);
        }
        var results = new IcebergDataFile[localFiles.Count];
        var workers = Math.Min(Environment.ProcessorCount, localFiles.Count);
        var next = -1;
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, _ =>
            {
                using var inspector = new IcebergDataFileInspector(Io);
                int i;
                while ((i = Interlocked.Increment(ref next)) < localFiles.Count)
                {
                    results[i] = inspector.Inspect(ToLocation(localFiles[i]), m.CurrentSchema, m.DefaultSpec);
                }
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The first file's own error (an IcebergException naming it), not a wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return [.. results];
    }
}

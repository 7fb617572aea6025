using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Compacts small files: within each partition, live data files smaller than <paramref name="smallFileBytes"/>
    /// that share the same columns (names, field ids, types) are merged, in manifest order, into one file under
    /// <c>data/</c> (<c>operation=replace</c>; rows and values unchanged). Partitions with fewer than two such files
    /// are left alone. Tables with delete files are not supported here.
    /// </summary>
    /// <returns>The commit, or null when there was nothing to compact.</returns>
    public async Task<IcebergCommitResult?> CompactAsync(TableIdentifier table, long smallFileBytes, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(smallFileBytes, 1);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        if (CompactionGroups(IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation), smallFileBytes).Count == 0)
        {
            return null;
        }
        return await CommitAsync(table, (m, attempt) =>
        {
            var groups = CompactionGroups(m, smallFileBytes);
            var replacements = new Dictionary<string, List<(IcebergPartitionSpec, IcebergDataFile)>>(StringComparer.Ordinal);
            using var inspector = new IcebergDataFileInspector(Io);
            foreach (var (spec, files) in groups)
            {
                var merged = Merge(m, files, attempt);
                var described = inspector.Inspect(merged, m.CurrentSchema, IcebergPartitionSpec.Unpartitioned) with { Partition = files[0].Partition };
                replacements[files[0].FilePath] = [(spec, described)];
                foreach (var f in files.Skip(1))
                {
                    replacements[f.FilePath] = [];
                }
            }
            return Rewrite(m, NewSnapshotId(), m.LastSequenceNumber + 1, attempt,
                (_, e) => replacements.GetValueOrDefault(e.DataFile.FilePath), [], "replace");
        }, cancellationToken);
    }

    /// <summary>Groups of at least two small live data files with the same spec, partition and columns.</summary>
    private List<(IcebergPartitionSpec Spec, List<IcebergDataFile> Files)> CompactionGroups(IcebergTableMetadata m, long smallFileBytes)
    {
        var candidates = new List<(IcebergPartitionSpec Spec, IcebergDataFile File, string Columns)>();
        using var inspector = new IcebergDataFileInspector(Io);
        foreach (var manifest in CurrentManifests(m))
        {
            if (manifest.Content != IcebergFileContent.Data)
            {
                throw new IcebergException(IcebergErrorKind.Unsupported, "Compaction of a table with delete files.")
                {
                    File = manifest.ManifestPath,
                    Expected = "data manifests only",
                    Actual = manifest.Content.ToString(),
                };
            }
            var spec = m.Spec(manifest.PartitionSpecId);
            foreach (var e in ReadEntries(m, manifest).Where(e => e.IsLive && e.DataFile.FileSizeInBytes < smallFileBytes))
            {
                var columns = string.Join("|", inspector.Columns(e.DataFile.FilePath).Select(c => $"{c.Name}:{c.FieldId}:{c.Type}"));
                candidates.Add((spec, e.DataFile, columns));
            }
        }
        return candidates
            .GroupBy(c => c.Spec.SpecId.ToString(CultureInfo.InvariantCulture) + "/" + Describe(c.Spec, c.File.Partition) + "/" + c.Columns, StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => (g.First().Spec, g.Select(c => c.File).ToList()))
            .ToList();
    }

    /// <summary>Concatenates files with identical columns into one new file under <c>data/</c>, keeping names and field ids.</summary>
    private string Merge(IcebergTableMetadata m, List<IcebergDataFile> files, Attempt attempt)
    {
        List<(string Name, int? FieldId, string Type)> columns;
        using (var inspector = new IcebergDataFileInspector(Io))
        {
            columns = inspector.Columns(files[0].FilePath);
        }
        var location = m.Location.TrimEnd('/') + "/data/" + Guid.NewGuid() + "-compacted.parquet";
        var temp = _store.TempFileFor(location);
        var select = string.Join(", ", columns.Select(c => IcebergParquetFileReader.Quote(c.Name)));
        var ids = string.Join(", ", columns.Where(c => c.FieldId is not null)
            .Select(c => IcebergParquetFileReader.Quote(c.Name) + ": " + c.FieldId!.Value.ToString(CultureInfo.InvariantCulture)));
        var union = string.Join(" UNION ALL ", files.Select((f, i) =>
            $"SELECT {select}, {i} AS __file, file_row_number AS __row FROM read_parquet({IcebergParquetFileReader.Literal(LocalPath(f.FilePath))}, file_row_number = true, hive_partitioning = false)"));
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            Execute(connection, $"COPY (SELECT {select} FROM ({union}) ORDER BY __file, __row) TO {IcebergParquetFileReader.Literal(temp)} (FORMAT PARQUET, FIELD_IDS {{{ids}}})");
        }
        _store.Publish(temp, location);
        attempt.Files.Add(_store.Name(location));
        return location;
    }
}

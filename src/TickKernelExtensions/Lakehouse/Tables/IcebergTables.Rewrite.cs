using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Replaces the data files of one partition of the default spec with <paramref name="dataFiles"/>
    /// (<c>operation=overwrite</c>): the old files become DELETED entries, the rest of the table is untouched.
    /// <paramref name="partition"/> gives a value for every partition field by name (e.g. <c>symbol</c>,
    /// <c>ts_day</c>); every new file must belong to that partition. Conflicting commits are re-applied on the winner.
    /// </summary>
    public async Task<IcebergCommitResult> OverwritePartitionAsync(
        TableIdentifier table, IReadOnlyDictionary<string, object?> partition, IReadOnlyList<string> dataFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(partition);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var start = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        var spec = start.DefaultSpec;
        var target = PartitionValues(start, partition);
        var files = InPlace(Inspect(start, dataFiles));
        foreach (var f in files.Where(f => !SamePartition(start, spec, f.Partition, target)))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A replacement file is not in the partition being overwritten.")
            {
                File = f.FilePath,
                Field = "partition",
                Expected = Describe(spec, target),
                Actual = Describe(spec, f.Partition),
            };
        }
        return await CommitAsync(table, (m, attempt) =>
        {
            var snapshotId = NewSnapshotId();
            var sequence = m.LastSequenceNumber + 1;
            return Rewrite(m, snapshotId, sequence, attempt, (manifest, e) =>
                manifest.PartitionSpecId == spec.SpecId && SamePartition(m, spec, e.DataFile.Partition, target) ? [] : null,
                files.Select(f => (spec, f)).ToList(), "overwrite");
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes the rows matching every predicate, copy-on-write at file level: a file with no matching row is kept, a
    /// file whose rows all match is dropped, any other file is rewritten without the matching rows (same columns and
    /// field ids, same partition). <c>operation=delete</c> when only files were dropped, else <c>overwrite</c>.
    /// Tables with delete files (written by other engines) are not supported here.
    /// </summary>
    public Task<IcebergCommitResult> DeleteWhereAsync(TableIdentifier table, IReadOnlyList<IcebergPredicate> filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (filter.Count == 0)
        {
            throw new ArgumentException("A delete needs at least one predicate (to empty a table, say so with a predicate every row matches).", nameof(filter));
        }
        return CommitAsync(table, (m, attempt) =>
        {
            var predicates = IcebergScanPlanner.Bind(m.CurrentSchema, filter);
            var snapshotId = NewSnapshotId();
            var sequence = m.LastSequenceNumber + 1;
            using var reader = new IcebergParquetFileReader(Io);
            var fields = m.CurrentSchema.Fields.Where(f => f.Type is IcebergPrimitiveType).ToList();
            var slots = predicates.Select(p => fields.FindIndex(f => f.Id == p.Field.Id)).ToArray();
            return Rewrite(m, snapshotId, sequence, attempt, (manifest, e) =>
            {
                if (manifest.Content != IcebergFileContent.Data)
                {
                    throw new IcebergException(IcebergErrorKind.Unsupported, "Copy-on-write delete on a table with delete files.")
                    {
                        File = manifest.ManifestPath,
                        Expected = "data manifests only",
                        Actual = manifest.Content.ToString(),
                    };
                }
                if (!MayContainMatches(e.DataFile, predicates))
                {
                    return null;
                }
                var matched = new List<long>();
                foreach (var (position, values) in reader.Read(e.DataFile.FilePath, fields))
                {
                    var all = true;
                    for (var p = 0; p < predicates.Count && all; p++)
                    {
                        all = predicates[p].Predicate.Matches(predicates[p].Type, values[slots[p]]);
                    }
                    if (all)
                    {
                        matched.Add(position);
                    }
                }
                if (matched.Count == 0)
                {
                    return null;
                }
                if (matched.Count == e.DataFile.RecordCount)
                {
                    return [];
                }
                var spec = m.Spec(manifest.PartitionSpecId);
                var rewritten = CopyWithout(m, e.DataFile.FilePath, matched, attempt);
                using var inspector = new IcebergDataFileInspector(Io);
                var described = inspector.Inspect(rewritten, m.CurrentSchema, IcebergPartitionSpec.Unpartitioned) with { Partition = e.DataFile.Partition };
                return [(spec, described)];
            }, [], "delete");
        }, cancellationToken);
    }

    /// <summary>
    /// The common body of overwrite and delete. For each live data file of the current snapshot, <paramref name="replace"/>
    /// returns null to keep it, or the files that replace it (empty to drop it). Manifests without a replaced file are
    /// kept as they are; the others are rewritten with EXISTING and DELETED entries; added files go to new manifests.
    /// </summary>
    private IcebergTableMetadata Rewrite(
        IcebergTableMetadata m, long snapshotId, long sequence, Attempt attempt,
        Func<IcebergManifestFile, IcebergManifestEntry, List<(IcebergPartitionSpec Spec, IcebergDataFile File)>?> replace,
        IReadOnlyList<(IcebergPartitionSpec Spec, IcebergDataFile File)> added, string operation)
    {
        var rows = new List<IcebergManifestFile>();
        var adds = added.ToList();
        long deletedFiles = 0, deletedRecords = 0;
        foreach (var manifest in CurrentManifests(m))
        {
            var entries = ReadEntries(m, manifest).Where(e => e.IsLive).ToList();
            var rewritten = new List<IcebergManifestEntry>();
            var changed = false;
            foreach (var e in entries)
            {
                if (replace(manifest, e) is { } replacement)
                {
                    changed = true;
                    deletedFiles++;
                    deletedRecords += e.DataFile.RecordCount;
                    rewritten.Add(e with { Status = IcebergEntryStatus.Deleted, SnapshotId = snapshotId });
                    adds.AddRange(replacement);
                }
                else
                {
                    rewritten.Add(e with { Status = IcebergEntryStatus.Existing });
                }
            }
            if (!changed)
            {
                rows.Add(manifest);
                continue;
            }
            var spec = m.Spec(manifest.PartitionSpecId);
            var written = WriteManifest(m, spec, manifest.Content, rewritten, attempt.Files);
            rows.Add(ManifestRow(m, written, spec, manifest.Content, snapshotId, sequence, rewritten));
        }
        foreach (var group in adds.GroupBy(a => a.Spec.SpecId))
        {
            var spec = group.First().Spec;
            var entries = Added(group.Select(a => a.File).ToList(), snapshotId);
            var written = WriteManifest(m, spec, IcebergFileContent.Data, entries, attempt.Files);
            rows.Insert(0, ManifestRow(m, written, spec, IcebergFileContent.Data, snapshotId, sequence, entries));
        }
        var changes = new Dictionary<string, long>
        {
            ["added-data-files"] = adds.Count,
            ["added-records"] = adds.Sum(a => a.File.RecordCount),
            ["deleted-data-files"] = deletedFiles,
            ["deleted-records"] = deletedRecords,
        };
        return WithSnapshot(m, snapshotId, sequence, operation == "delete" && adds.Count > 0 ? "overwrite" : operation, rows, changes, attempt);
    }

    /// <summary>
    /// False when the file's column statistics prove no row matches (an all-null column, or bounds outside a
    /// predicate's range), so the file is kept without being read. Bounds whose width does not fit the column's
    /// current type (written before an int → long or float → double widening) count as unknown.
    /// </summary>
    private static bool MayContainMatches(
        IcebergDataFile file, List<(IcebergPredicate Predicate, IcebergField Field, IcebergPrimitiveType Type, object Literal)> predicates)
    {
        foreach (var (predicate, field, type, literal) in predicates)
        {
            if (file.NullValueCounts?.GetValueOrDefault(field.Id, -1) is { } nulls && nulls >= 0 && nulls == file.RecordCount)
            {
                return false;
            }
            if (!predicate.MayMatchRange(type, Bound(file.LowerBounds, field.Id, type), Bound(file.UpperBounds, field.Id, type), literal))
            {
                return false;
            }
        }
        return true;
    }

    private static object? Bound(IReadOnlyDictionary<int, byte[]>? bounds, int fieldId, IcebergPrimitiveType type)
    {
        if (bounds is null || !bounds.TryGetValue(fieldId, out var bytes))
        {
            return null;
        }
        var eightBytes = type.TypeId is IcebergTypeId.Long or IcebergTypeId.Double or IcebergTypeId.Time or IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz;
        return eightBytes && bytes.Length != 8 ? null : IcebergSingleValue.FromBytes(type, bytes);
    }

    /// <summary>Writes a copy of a data file without the rows at <paramref name="positions"/> under the table's <c>data/</c>, keeping names and field ids.</summary>
    private string CopyWithout(IcebergTableMetadata m, string source, List<long> positions, Attempt attempt)
    {
        List<(string Name, int? FieldId, string Type)> columns;
        using (var inspector = new IcebergDataFileInspector(Io))
        {
            columns = inspector.Columns(source);
        }
        var location = m.Location.TrimEnd('/') + "/data/" + Guid.NewGuid() + "-cow.parquet";
        var temp = _store.TempFileFor(location);
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            Execute(connection, "CREATE TEMP TABLE removed(pos BIGINT)");
            using (var appender = connection.CreateAppender("removed"))
            {
                foreach (var p in positions)
                {
                    appender.CreateRow().AppendValue(p).EndRow();
                }
            }
            var select = string.Join(", ", columns.Select(c => IcebergParquetFileReader.Quote(c.Name)));
            var ids = string.Join(", ", columns.Where(c => c.FieldId is not null)
                .Select(c => IcebergParquetFileReader.Quote(c.Name) + ": " + c.FieldId!.Value.ToString(CultureInfo.InvariantCulture)));
            Execute(connection,
                $"COPY (SELECT {select} FROM read_parquet({IcebergParquetFileReader.Literal(LocalPath(source))}, file_row_number = true, hive_partitioning = false) " +
                $"WHERE file_row_number NOT IN (SELECT pos FROM removed) ORDER BY file_row_number) " +
                $"TO {IcebergParquetFileReader.Literal(temp)} (FORMAT PARQUET, FIELD_IDS {{{ids}}})");
        }
        _store.Publish(temp, location);
        attempt.Files.Add(_store.Name(location));
        return location;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>Partition values by partition field id from values given by partition field name; every field must be given.</summary>
    private static Dictionary<int, object?> PartitionValues(IcebergTableMetadata m, IReadOnlyDictionary<string, object?> byName)
    {
        var spec = m.DefaultSpec;
        var unknown = byName.Keys.Where(k => spec.Fields.All(f => f.Name != k)).ToList();
        var missing = spec.Fields.Where(f => !byName.ContainsKey(f.Name)).Select(f => f.Name).ToList();
        if (unknown.Count > 0 || missing.Count > 0 || spec.Fields.Count == 0)
        {
            throw new IcebergException(IcebergErrorKind.ColumnNotFound, "A partition to overwrite needs a value for every partition field.")
            {
                Field = string.Join(", ", unknown.Concat(missing)),
                Expected = spec.Fields.Count == 0 ? "a partitioned table" : "values for " + string.Join(", ", spec.Fields.Select(f => f.Name)),
                Actual = "values for " + string.Join(", ", byName.Keys),
            };
        }
        return spec.Fields.ToDictionary(f => f.FieldId, f => byName[f.Name] is { } v ? IcebergValues.Normalize(f.ResultType(m.CurrentSchema), v) : null);
    }

    private static bool SamePartition(IcebergTableMetadata m, IcebergPartitionSpec spec, IReadOnlyDictionary<int, object?> a, IReadOnlyDictionary<int, object?> b) =>
        spec.Fields.All(f =>
        {
            var x = a.GetValueOrDefault(f.FieldId);
            var y = b.GetValueOrDefault(f.FieldId);
            return x is null || y is null ? x is null && y is null : IcebergValues.Compare(f.ResultType(m.CurrentSchema), x, y) == 0;
        });

    private static string Describe(IcebergPartitionSpec spec, IReadOnlyDictionary<int, object?> values) =>
        string.Join(", ", spec.Fields.Select(f => f.Name + "=" + IcebergDataFileInspector.Show(values.GetValueOrDefault(f.FieldId))));
}

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The live delete files of a snapshot, loaded for row filtering (spec "Scan Planning"):
/// a position delete <c>(file_path, pos)</c> applies to data files whose data sequence number is less than or
/// equal to the delete file's; an equality delete applies to data files with a strictly smaller data sequence
/// number in the same partition (any partition when the delete file's spec is unpartitioned), and matches rows
/// whose values in the delete's <c>equality_ids</c> columns equal a delete row (null equals null).
/// </summary>
internal sealed class IcebergDeleteIndex
{
    /// <summary>Reserved field ids of position delete files.</summary>
    public const int FilePathFieldId = 2147483546;
    public const int PosFieldId = 2147483545;

    private readonly Dictionary<string, Dictionary<long, long>> _positions = new(StringComparer.Ordinal);
    private readonly List<EqualityDelete> _equality = [];

    private sealed record EqualityDelete(long Sequence, IcebergPartitionSpec Spec, IReadOnlyDictionary<int, object?> Partition, int[] FieldIds, HashSet<object?[]> Keys);

    /// <summary>The number of position and equality delete rows loaded.</summary>
    public long DeleteRows { get; private set; }

    public static IcebergDeleteIndex Load(
        IReadOnlyList<IcebergFileScanTask> deleteFiles, IcebergParquetFileReader reader, Func<int, IcebergField?> fieldById)
    {
        var index = new IcebergDeleteIndex();
        var positionFields = new[]
        {
            new IcebergField(FilePathFieldId, "file_path", true, IcebergPrimitiveType.String),
            new IcebergField(PosFieldId, "pos", true, IcebergPrimitiveType.Long),
        };
        foreach (var task in deleteFiles)
        {
            var file = task.File;
            if (file.Content == IcebergFileContent.PositionDeletes)
            {
                foreach (var (_, row) in reader.Read(file.FilePath, positionFields))
                {
                    if (row[0] is not string path || row[1] is not long pos)
                    {
                        throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A position delete row lacks file_path or pos.") { File = file.FilePath };
                    }
                    if (!index._positions.TryGetValue(path, out var positions))
                    {
                        index._positions[path] = positions = [];
                    }
                    positions[pos] = Math.Max(positions.GetValueOrDefault(pos, long.MinValue), task.DataSequenceNumber);
                    index.DeleteRows++;
                }
            }
            else
            {
                var ids = file.EqualityIds is { Count: > 0 } e ? e.ToArray()
                    : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "An equality delete file has no equality_ids.") { File = file.FilePath, Field = "equality_ids (135)" };
                var fields = ids.Select(id => fieldById(id)
                    ?? throw new IcebergException(IcebergErrorKind.InvalidMetadata, "An equality delete names a field id no schema has.")
                    {
                        File = file.FilePath,
                        Field = "equality_ids",
                        Actual = IcebergType.Invariant($"{id}"),
                    }).ToList();
                var keys = new HashSet<object?[]>(IcebergRowKeyComparer.Instance);
                foreach (var (_, row) in reader.Read(file.FilePath, fields))
                {
                    keys.Add(row);
                    index.DeleteRows++;
                }
                index._equality.Add(new EqualityDelete(task.DataSequenceNumber, task.Spec, file.Partition, ids, keys));
            }
        }
        return index;
    }

    /// <summary>A filter for the rows of one data file: (position, values by field id) → deleted.</summary>
    public Func<long, Func<int, object?>, bool>? For(IcebergFileScanTask data)
    {
        _positions.TryGetValue(data.File.FilePath, out var positions);
        var equality = _equality.Where(e => e.Sequence > data.DataSequenceNumber && SamePartition(e, data)).ToList();
        if ((positions is null || positions.Count == 0) && equality.Count == 0)
        {
            return null;
        }
        var dataSeq = data.DataSequenceNumber;
        return (position, valueOf) =>
        {
            if (positions is not null && positions.TryGetValue(position, out var seq) && seq >= dataSeq)
            {
                return true;
            }
            foreach (var e in equality)
            {
                var key = new object?[e.FieldIds.Length];
                for (var i = 0; i < key.Length; i++)
                {
                    key[i] = valueOf(e.FieldIds[i]);
                }
                if (e.Keys.Contains(key))
                {
                    return true;
                }
            }
            return false;
        };
    }

    private static bool SamePartition(EqualityDelete e, IcebergFileScanTask data) => AppliesToPartition(e.Spec, e.Partition, data);

    /// <summary>Whether a delete file written under <paramref name="spec"/> with <paramref name="partition"/> can touch the data file's rows.</summary>
    internal static bool AppliesToPartition(IcebergPartitionSpec spec, IReadOnlyDictionary<int, object?> partition, IcebergFileScanTask data) =>
        spec.Fields.Count == 0
        || (spec.SpecId == data.Spec.SpecId && spec.Fields.All(f =>
            IcebergRowKeyComparer.Instance.Equals([partition.GetValueOrDefault(f.FieldId)], [data.File.Partition.GetValueOrDefault(f.FieldId)])));
}

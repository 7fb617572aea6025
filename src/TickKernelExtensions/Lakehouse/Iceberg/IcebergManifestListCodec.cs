using System.Globalization;
using Avro;
using Avro.File;
using Avro.Generic;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads manifest lists (v1 and v2; fields matched by field id, so Java's <c>added_data_files_count</c> and the
/// spec's <c>added_files_count</c> both read) and writes v2 manifest lists with the deflate codec.
/// </summary>
public static class IcebergManifestListCodec
{
    /// <summary>Reads every row of a manifest list; <paramref name="file"/> names it in errors.</summary>
    public static List<IcebergManifestFile> Read(Stream input, string file)
    {
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            using var reader = DataFileReader<GenericRecord>.OpenReader(Seekable(input), leaveOpen: true);
            var rows = new List<IcebergManifestFile>();
            Dictionary<int, Field>? ids = null;
            while (reader.HasNext())
            {
                var r = reader.Next();
                ids ??= IcebergAvro.FieldsById(r.Schema);
                object? Get(int id) => ids.TryGetValue(id, out var f) ? r.GetValue(f.Pos) : null;
                rows.Add(new IcebergManifestFile
                {
                    ManifestPath = Get(500) as string ?? throw Missing(file, "manifest_path (500)"),
                    ManifestLength = Convert.ToInt64(Get(501) ?? throw Missing(file, "manifest_length (501)"), CultureInfo.InvariantCulture),
                    PartitionSpecId = Convert.ToInt32(Get(502) ?? 0, CultureInfo.InvariantCulture),
                    Content = (IcebergFileContent)Convert.ToInt32(Get(517) ?? 0, CultureInfo.InvariantCulture),
                    SequenceNumber = Convert.ToInt64(Get(515) ?? 0L, CultureInfo.InvariantCulture),
                    MinSequenceNumber = Convert.ToInt64(Get(516) ?? 0L, CultureInfo.InvariantCulture),
                    AddedSnapshotId = Convert.ToInt64(Get(503) ?? 0L, CultureInfo.InvariantCulture),
                    AddedFilesCount = Convert.ToInt32(Get(504) ?? 0, CultureInfo.InvariantCulture),
                    ExistingFilesCount = Convert.ToInt32(Get(505) ?? 0, CultureInfo.InvariantCulture),
                    DeletedFilesCount = Convert.ToInt32(Get(506) ?? 0, CultureInfo.InvariantCulture),
                    AddedRowsCount = Convert.ToInt64(Get(512) ?? 0L, CultureInfo.InvariantCulture),
                    ExistingRowsCount = Convert.ToInt64(Get(513) ?? 0L, CultureInfo.InvariantCulture),
                    DeletedRowsCount = Convert.ToInt64(Get(514) ?? 0L, CultureInfo.InvariantCulture),
                    Partitions = (Get(507) as object[])?.Cast<GenericRecord>().Select(Summary).ToList(),
                    KeyMetadata = Get(519) as byte[],
                });
            }
            return rows;
        }
        catch (AvroException e)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "The manifest list is not a readable Avro file: " + e.Message, e) { File = file };
        }
    }

    private static IcebergFieldSummary Summary(GenericRecord s)
    {
        var ids = IcebergAvro.FieldsById(s.Schema);
        object? Get(int id) => ids.TryGetValue(id, out var f) ? s.GetValue(f.Pos) : null;
        return new IcebergFieldSummary(Get(509) is true, Get(518) as bool?, Get(510) as byte[], Get(511) as byte[]);
    }

    /// <summary>
    /// Writes a v2 manifest list (deflate) and returns its bytes. Key-value metadata: <c>snapshot-id</c>,
    /// <c>parent-snapshot-id</c> (<c>"null"</c> when none), <c>sequence-number</c>, <c>format-version</c>.
    /// </summary>
    public static byte[] Write(long snapshotId, long? parentSnapshotId, long sequenceNumber, IEnumerable<IcebergManifestFile> manifests)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var schemaJson = IcebergAvroSchemas.ManifestList;
        var schema = (RecordSchema)Schema.Parse(schemaJson);
        var summarySchema = IcebergAvro.RecordOf(schema.Fields.First(f => f.Name == "partitions").Schema);
        using var output = new MemoryStream();
        using (var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(schema), output, Codec.CreateCodec(Codec.Type.Deflate), leaveOpen: true))
        {
            writer.SetMeta("snapshot-id", snapshotId.ToString(CultureInfo.InvariantCulture));
            writer.SetMeta("parent-snapshot-id", parentSnapshotId?.ToString(CultureInfo.InvariantCulture) ?? "null");
            writer.SetMeta("sequence-number", sequenceNumber.ToString(CultureInfo.InvariantCulture));
            writer.SetMeta("format-version", "2");
            foreach (var m in manifests)
            {
                var r = new GenericRecord(schema);
                r.Add("manifest_path", m.ManifestPath);
                r.Add("manifest_length", m.ManifestLength);
                r.Add("partition_spec_id", m.PartitionSpecId);
                r.Add("content", (int)m.Content);
                r.Add("sequence_number", m.SequenceNumber);
                r.Add("min_sequence_number", m.MinSequenceNumber);
                r.Add("added_snapshot_id", m.AddedSnapshotId);
                r.Add("added_files_count", m.AddedFilesCount);
                r.Add("existing_files_count", m.ExistingFilesCount);
                r.Add("deleted_files_count", m.DeletedFilesCount);
                r.Add("added_rows_count", m.AddedRowsCount);
                r.Add("existing_rows_count", m.ExistingRowsCount);
                r.Add("deleted_rows_count", m.DeletedRowsCount);
                r.Add("partitions", m.Partitions?.Select(p =>
                {
                    var s = new GenericRecord(summarySchema);
                    s.Add("contains_null", p.ContainsNull);
                    s.Add("contains_nan", p.ContainsNan);
                    s.Add("lower_bound", p.LowerBound);
                    s.Add("upper_bound", p.UpperBound);
                    return (object)s;
                }).ToArray());
                r.Add("key_metadata", m.KeyMetadata);
                writer.Append(r);
            }
        }
        return IcebergAvroHeader.ReplaceSchema(output.ToArray(), schemaJson);
    }

    internal static Stream Seekable(Stream input)
    {
        if (input.CanSeek)
        {
            return input;
        }
        var copy = new MemoryStream();
        input.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    private static IcebergException Missing(string file, string field) =>
        new(IcebergErrorKind.InvalidMetadata, "A required manifest list field is missing.") { File = file, Field = field };
}

using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads an Iceberg table (v1 or v2, written by us or by Spark, Java, Trino, Athena, pyiceberg) from its metadata
/// file: plans the scan (<see cref="IcebergScanPlanner"/>), reads the data files with DuckDB mapping columns by
/// Parquet field id, applies position and equality deletes and the filter. Thread-safe: each scan opens its own
/// DuckDB connection.
/// </summary>
public sealed class IcebergTableReader
{
    private IcebergTableReader(IIcebergFileIO io, string metadataLocation, IcebergTableMetadata metadata)
    {
        Io = io;
        MetadataLocation = metadataLocation;
        Metadata = metadata;
    }

    /// <summary>Where files are read from.</summary>
    public IIcebergFileIO Io { get; }

    /// <summary>The metadata file this reader was opened on.</summary>
    public string MetadataLocation { get; }

    /// <summary>The parsed table metadata.</summary>
    public IcebergTableMetadata Metadata { get; }

    /// <summary>
    /// Opens the table at a metadata file location (e.g. the catalog's <c>metadata_location</c>). A missing file is an
    /// <see cref="IcebergErrorKind.FileNotFound"/> error naming it; gzip-compressed metadata is detected by its magic bytes.
    /// </summary>
    public static IcebergTableReader Open(IIcebergFileIO io, string metadataLocation)
    {
        ArgumentNullException.ThrowIfNull(io);
        ArgumentException.ThrowIfNullOrEmpty(metadataLocation);
        return new IcebergTableReader(io, metadataLocation,
            IcebergReadCache.GetOrRead(io, metadataLocation, "metadata", "", () => ReadMetadata(io, metadataLocation)));
    }

    /// <summary>Reads and parses one metadata JSON file.</summary>
    public static IcebergTableMetadata ReadMetadata(IIcebergFileIO io, string metadataLocation)
    {
        ArgumentNullException.ThrowIfNull(io);
        using var raw = new MemoryStream();
        using (var stream = io.OpenRead(metadataLocation))
        {
            stream.CopyTo(raw);
        }
        var bytes = raw.ToArray();
        if (bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b)
        {
            using var gz = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gz.CopyTo(plain);
            bytes = plain.ToArray();
        }
        return IcebergTableMetadataJson.Parse(Encoding.UTF8.GetString(bytes), metadataLocation);
    }

    /// <summary>Plans a scan without reading data files.</summary>
    public IcebergScanPlan Plan(IcebergScanOptions? options = null) => IcebergScanPlanner.Plan(Metadata, Io, options);

    /// <summary>Scans the table: every matching row of the chosen snapshot, deletes applied.</summary>
    public IcebergScanResult Scan(IcebergScanOptions? options = null)
    {
        options ??= new IcebergScanOptions();
        var plan = Plan(options);
        var schema = plan.Schema;
        var projection = Project(schema, options.Columns);
        var predicates = IcebergScanPlanner.Bind(schema, options.Filter);
        var rows = new List<object?[]>();
        long deleted = 0;
        if (plan.Snapshot is null)
        {
            return new IcebergScanResult(plan, projection, rows, 0);
        }
        // Read every schema column (deletes and filters may need columns the projection drops) plus any
        // equality-delete column the scan schema lacks.
        var readFields = schema.Fields.ToList();
        foreach (var id in plan.DeleteFiles.SelectMany(d => d.File.EqualityIds ?? []).Distinct())
        {
            if (readFields.All(f => f.Id != id) && FieldById(id) is { } extra)
            {
                readFields.Add(extra);
            }
        }
        var slotOf = readFields.Select((f, i) => (f.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var projectionSlots = projection.Select(f => slotOf[f.Id]).ToArray();
        var filterSlots = predicates.Select(p => slotOf[p.Field.Id]).ToArray();
        var identity = projectionSlots.Length == readFields.Count && projectionSlots.Select((s, i) => s == i).All(x => x);
        using var reader = new IcebergParquetFileReader(Io);
        var deletes = IcebergDeleteIndex.Load(plan.DeleteFiles, reader, FieldById);
        var nameMapping = NameMapping();
        foreach (var task in plan.DataFiles)
        {
            var isDeleted = deletes.For(task);
            foreach (var (position, values) in reader.Read(task.File.FilePath, readFields, nameMapping))
            {
                if (isDeleted is not null && isDeleted(position, id => slotOf.TryGetValue(id, out var s) ? values[s] : null))
                {
                    deleted++;
                    continue;
                }
                var keep = true;
                for (var p = 0; p < predicates.Count && keep; p++)
                {
                    keep = predicates[p].Predicate.Matches(predicates[p].Type, values[filterSlots[p]]);
                }
                if (keep)
                {
                    rows.Add(identity ? values : Pick(values, projectionSlots));
                }
            }
        }
        return new IcebergScanResult(plan, projection, rows, deleted);
    }

    private static object?[] Pick(object?[] values, int[] slots)
    {
        var row = new object?[slots.Length];
        for (var i = 0; i < slots.Length; i++)
        {
            row[i] = values[slots[i]];
        }
        return row;
    }

    private IcebergField? FieldById(int id) =>
        Metadata.CurrentSchema.FindField(id) ?? Metadata.Schemas.Select(s => s.FindField(id)).FirstOrDefault(f => f is not null);

    private static List<IcebergField> Project(IcebergSchema schema, IReadOnlyList<string>? columns) =>
        columns is null
            ? schema.Fields.ToList()
            : columns.Select(name => schema.FindField(name)
                ?? throw new IcebergException(IcebergErrorKind.ColumnNotFound, "A projected column is not in the schema.")
                {
                    Field = name,
                    Expected = "one of " + string.Join(", ", schema.Fields.Select(f => f.Name)),
                    Actual = name,
                }).ToList();

    /// <summary>The table's <c>schema.name-mapping.default</c> (field id → names) for files without field ids.</summary>
    internal Dictionary<int, IReadOnlyList<string>>? NameMapping()
    {
        if (!Metadata.Properties.TryGetValue("schema.name-mapping.default", out var json))
        {
            return null;
        }
        var map = new Dictionary<int, IReadOnlyList<string>>();
        if (JsonNode.Parse(json) is JsonArray entries)
        {
            foreach (var e in entries.OfType<JsonObject>())
            {
                if (e["field-id"] is JsonValue id && id.TryGetValue<int>(out var fieldId) && e["names"] is JsonArray names)
                {
                    map[fieldId] = names.Select(n => n!.GetValue<string>()).ToList();
                }
            }
        }
        return map;
    }
}

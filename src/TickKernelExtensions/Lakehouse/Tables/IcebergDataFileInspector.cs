using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Turns a Parquet file with field ids into the manifest's description of it: checks its columns against the table
/// schema (by field id and type), counts rows, values, nulls and NaNs, takes exact lower and upper bounds per
/// column, and derives the partition value of every partition field (the file must hold exactly one partition).
/// Reads the whole file once; not thread safe (one DuckDB connection).
/// </summary>
internal sealed class IcebergDataFileInspector : IDisposable
{
    private readonly IIcebergFileIO _io;
    private readonly DuckDBConnection _connection;
    private readonly IcebergParquetFileReader _reader;

    public IcebergDataFileInspector(IIcebergFileIO io)
    {
        _io = io;
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        _reader = new IcebergParquetFileReader(io);
    }

    /// <summary>The top-level columns of a Parquet file: name, field id (null when absent) and DuckDB type.</summary>
    public List<(string Name, int? FieldId, string Type)> Columns(string location)
    {
        var path = LocalPath(location);
        var types = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var row in Query($"DESCRIBE SELECT * FROM read_parquet({IcebergParquetFileReader.Literal(path)}, hive_partitioning = false)", location))
        {
            types[(string)row[0]!] = (string)row[1]!;
            order.Add((string)row[0]!);
        }
        var elements = Query($"SELECT name, field_id, num_children FROM parquet_schema({IcebergParquetFileReader.Literal(path)})", location)
            .Select(r => ((string)r[0]!, r[1] is null ? (int?)null : Convert.ToInt32(r[1], CultureInfo.InvariantCulture),
                r[2] is null ? 0L : Convert.ToInt64(r[2], CultureInfo.InvariantCulture)))
            .ToList();
        var ids = new Dictionary<string, int?>(StringComparer.Ordinal);
        var index = 1;
        var rootChildren = elements.Count == 0 ? 0 : elements[0].Item3;
        for (var c = 0; c < rootChildren && index < elements.Count; c++)
        {
            ids[elements[index].Item1] = elements[index].Item2;
            index = Skip(elements, index);
        }
        return order.Select(n => (n, ids.GetValueOrDefault(n), types[n])).ToList();
    }

    /// <summary>
    /// Describes <paramref name="location"/> as a data file of <paramref name="schema"/>; its partition follows
    /// <paramref name="spec"/>. A column mismatch is an <see cref="IcebergErrorKind.SchemaMismatch"/> error naming
    /// every offending column with its expected and actual type. Statistics come from one DuckDB aggregate over the
    /// file (<see cref="InspectByAggregate"/>); a spec with a transform that does not preserve order (bucket, void)
    /// takes the row-by-row reference path (<see cref="InspectByRows"/>), which applies the transform to every row.
    /// </summary>
    public IcebergDataFile Inspect(string location, IcebergSchema schema, IcebergPartitionSpec spec)
    {
        CheckColumns(location, schema);
        return spec.Fields.All(f => f.Transform.PreservesOrder)
            ? InspectByAggregate(location, schema, spec)
            : InspectByRows(location, schema, spec);
    }

    /// <summary>The reference path: reads every row, applies each partition transform per row.</summary>
    internal IcebergDataFile InspectByRows(string location, IcebergSchema schema, IcebergPartitionSpec spec)
    {
        var fields = schema.Fields.Where(f => f.Type is IcebergPrimitiveType).ToList();
        var types = fields.Select(f => (IcebergPrimitiveType)f.Type).ToArray();
        var lower = new object?[fields.Count];
        var upper = new object?[fields.Count];
        var nulls = new long[fields.Count];
        var nans = new long[fields.Count];
        var partitionFields = spec.Fields.Select(pf => (Field: pf, Slot: fields.FindIndex(f => f.Id == pf.SourceId), Type: pf.ResultType(schema))).ToList();
        var partition = new object?[partitionFields.Count];
        long rows = 0;
        foreach (var (_, values) in _reader.Read(location, fields))
        {
            for (var i = 0; i < values.Length; i++)
            {
                var v = values[i];
                if (v is null)
                {
                    nulls[i]++;
                }
                else if ((v is double d && double.IsNaN(d)) || (v is float f && float.IsNaN(f)))
                {
                    nans[i]++;
                }
                else
                {
                    if (lower[i] is null || IcebergValues.Compare(types[i], v, lower[i]!) < 0)
                    {
                        lower[i] = v;
                    }
                    if (upper[i] is null || IcebergValues.Compare(types[i], v, upper[i]!) > 0)
                    {
                        upper[i] = v;
                    }
                }
            }
            for (var p = 0; p < partitionFields.Count; p++)
            {
                var (pf, slot, type) = partitionFields[p];
                var value = pf.Transform.Apply(types[slot], values[slot]);
                if (rows == 0)
                {
                    partition[p] = value;
                }
                else if (!SameValue(type, partition[p], value))
                {
                    throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A data file must hold rows of one partition only.")
                    {
                        File = location,
                        Field = pf.Name,
                        Expected = "every row " + Show(partition[p]),
                        Actual = Show(value) + IcebergType.Invariant($" at row {rows}"),
                    };
                }
            }
            rows++;
        }
        if (rows == 0)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "An empty data file cannot be added to a table.")
            {
                File = location,
                Expected = "at least one row",
                Actual = "0 rows",
            };
        }
        var present = Columns(location).Where(c => c.FieldId is not null).Select(c => c.FieldId!.Value).ToHashSet();
        var slots = Enumerable.Range(0, fields.Count).Where(i => present.Contains(fields[i].Id)).ToList();
        return new IcebergDataFile
        {
            FilePath = location,
            Partition = partitionFields.Select((p, i) => (p.Field.FieldId, Value: partition[i])).ToDictionary(x => x.FieldId, x => x.Value),
            RecordCount = rows,
            FileSizeInBytes = new FileInfo(LocalPath(location)).Length,
            ValueCounts = slots.ToDictionary(i => fields[i].Id, _ => rows),
            NullValueCounts = slots.ToDictionary(i => fields[i].Id, i => nulls[i]),
            NanValueCounts = slots.Where(i => types[i].TypeId is IcebergTypeId.Float or IcebergTypeId.Double).ToDictionary(i => fields[i].Id, i => nans[i]),
            LowerBounds = slots.Where(i => lower[i] is not null).ToDictionary(i => fields[i].Id, i => IcebergSingleValue.ToBytes(types[i], lower[i]!)),
            UpperBounds = slots.Where(i => upper[i] is not null).ToDictionary(i => fields[i].Id, i => IcebergSingleValue.ToBytes(types[i], upper[i]!)),
        };
    }

    /// <summary>
    /// The fast path: one aggregate query gives row, null and NaN counts and min/max per column (NaN excluded from
    /// bounds, timestamps as epoch microseconds); partition values are the transform of the source column's min,
    /// which for order-preserving transforms must equal the transform of its max.
    /// </summary>
    internal IcebergDataFile InspectByAggregate(string location, IcebergSchema schema, IcebergPartitionSpec spec)
    {
        var path = LocalPath(location);
        var names = Columns(location).Where(c => c.FieldId is not null).ToDictionary(c => c.FieldId!.Value, c => c.Name);
        var fields = schema.Fields.Where(f => f.Type is IcebergPrimitiveType && names.ContainsKey(f.Id)).ToList();
        var select = new List<string> { "count(*)" };
        foreach (var f in fields)
        {
            var type = (IcebergPrimitiveType)f.Type;
            var c = IcebergParquetFileReader.Quote(names[f.Id]);
            var floating = type.TypeId is IcebergTypeId.Float or IcebergTypeId.Double;
            var filter = floating ? $" FILTER (WHERE NOT isnan({c}))" : "";
            var (min, max) = type.TypeId is IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz
                ? ($"epoch_us(min({c}))", $"epoch_us(max({c}))")
                : HasBounds(type) ? ($"min({c}){filter}", $"max({c}){filter}") : ("NULL", "NULL");
            select.Add($"count({c})");
            select.Add(floating ? $"count(*) FILTER (WHERE isnan({c}))" : "0");
            select.Add(min);
            select.Add(max);
        }
        var row = Query($"SELECT {string.Join(", ", select)} FROM read_parquet({IcebergParquetFileReader.Literal(path)}, hive_partitioning = false)", location).Single();
        var rows = Convert.ToInt64(row[0], CultureInfo.InvariantCulture);
        if (rows == 0)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "An empty data file cannot be added to a table.")
            {
                File = location,
                Expected = "at least one row",
                Actual = "0 rows",
            };
        }
        var nulls = new Dictionary<int, long>();
        var nans = new Dictionary<int, long>();
        var lower = new Dictionary<int, object>();
        var upper = new Dictionary<int, object>();
        for (var i = 0; i < fields.Count; i++)
        {
            var f = fields[i];
            var type = (IcebergPrimitiveType)f.Type;
            var at = 1 + (4 * i);
            nulls[f.Id] = rows - Convert.ToInt64(row[at], CultureInfo.InvariantCulture);
            if (type.TypeId is IcebergTypeId.Float or IcebergTypeId.Double)
            {
                nans[f.Id] = Convert.ToInt64(row[at + 1], CultureInfo.InvariantCulture);
            }
            if (row[at + 2] is { } min && row[at + 3] is { } max)
            {
                lower[f.Id] = IcebergValues.Normalize(type, min);
                upper[f.Id] = IcebergValues.Normalize(type, max);
            }
        }
        var partition = new Dictionary<int, object?>();
        foreach (var pf in spec.Fields)
        {
            var sourceType = (IcebergPrimitiveType)(schema.FindField(pf.SourceId)?.Type ?? IcebergPrimitiveType.String);
            var low = pf.Transform.Apply(sourceType, lower.GetValueOrDefault(pf.SourceId));
            var high = pf.Transform.Apply(sourceType, upper.GetValueOrDefault(pf.SourceId));
            var mixedNulls = low is not null && nulls.GetValueOrDefault(pf.SourceId, rows) > 0;
            if (mixedNulls || !SameValue(pf.ResultType(schema), low, high))
            {
                throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A data file must hold rows of one partition only.")
                {
                    File = location,
                    Field = pf.Name,
                    Expected = "every row " + Show(low),
                    Actual = mixedNulls ? "some rows null" : Show(high),
                };
            }
            partition[pf.FieldId] = low;
        }
        return new IcebergDataFile
        {
            FilePath = location,
            Partition = partition,
            RecordCount = rows,
            FileSizeInBytes = new FileInfo(path).Length,
            ValueCounts = fields.ToDictionary(f => f.Id, _ => rows),
            NullValueCounts = nulls,
            NanValueCounts = nans,
            LowerBounds = lower.ToDictionary(p => p.Key, p => IcebergSingleValue.ToBytes((IcebergPrimitiveType)schema.FindField(p.Key)!.Type, p.Value)),
            UpperBounds = upper.ToDictionary(p => p.Key, p => IcebergSingleValue.ToBytes((IcebergPrimitiveType)schema.FindField(p.Key)!.Type, p.Value)),
        };
    }

    /// <summary>Types whose min and max DuckDB computes in Iceberg's order (binary, fixed and uuid get no bounds).</summary>
    private static bool HasBounds(IcebergPrimitiveType type) =>
        type.TypeId is not (IcebergTypeId.Binary or IcebergTypeId.Fixed or IcebergTypeId.Uuid);

    /// <summary>Checks the file's columns against the schema by field id and type, reporting every problem at once.</summary>
    public void CheckColumns(string location, IcebergSchema schema)
    {
        var columns = Columns(location);
        if (columns.All(c => c.FieldId is null))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "The Parquet file has no field ids; Iceberg data files map columns by field id.")
            {
                File = location,
                Expected = "field ids " + string.Join(", ", schema.Fields.Select(f => IcebergType.Invariant($"{f.Name}: {f.Id}"))),
                Actual = "columns " + string.Join(", ", columns.Select(c => c.Name)) + " without field ids",
            };
        }
        var problems = new List<string>();
        var names = new List<string>();
        foreach (var c in columns)
        {
            var field = c.FieldId is { } id ? schema.FindField(id) : null;
            if (field is null)
            {
                problems.Add(IcebergType.Invariant($"column '{c.Name}' (field id {c.FieldId?.ToString(CultureInfo.InvariantCulture) ?? "none"}) is not in the table schema"));
                names.Add(c.Name);
            }
            else if (field.Type is IcebergPrimitiveType type && !Compatible(type, c.Type))
            {
                problems.Add(IcebergType.Invariant($"column '{field.Name}' (field id {field.Id}): expected {type}, actual {c.Type}"));
                names.Add(field.Name);
            }
        }
        foreach (var f in schema.Fields.Where(f => f.Required && columns.All(c => c.FieldId != f.Id)))
        {
            problems.Add(IcebergType.Invariant($"required column '{f.Name}' (field id {f.Id}, {f.Type}) is missing"));
            names.Add(f.Name);
        }
        if (problems.Count > 0)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "The data file does not match the table schema: " + string.Join("; ", problems) + ".")
            {
                File = location,
                Field = string.Join(", ", names),
                Expected = "columns " + string.Join(", ", schema.Fields.Select(f => IcebergType.Invariant($"{f.Id}:{f.Name} {f.Type}"))),
                Actual = "columns " + string.Join(", ", columns.Select(c => $"{c.FieldId?.ToString(CultureInfo.InvariantCulture) ?? "-"}:{c.Name} {c.Type}")),
            };
        }
    }

    /// <summary>Whether a Parquet column DuckDB reads as <paramref name="duckType"/> holds values of <paramref name="type"/>.</summary>
    private static bool Compatible(IcebergPrimitiveType type, string duckType) => type.TypeId switch
    {
        IcebergTypeId.Boolean => duckType == "BOOLEAN",
        IcebergTypeId.Int => duckType is "INTEGER" or "SMALLINT" or "TINYINT",
        IcebergTypeId.Long => duckType is "BIGINT" or "INTEGER" or "SMALLINT" or "TINYINT",
        IcebergTypeId.Float => duckType == "FLOAT",
        IcebergTypeId.Double => duckType is "DOUBLE" or "FLOAT",
        IcebergTypeId.Date => duckType == "DATE",
        IcebergTypeId.Time => duckType == "TIME",
        IcebergTypeId.Timestamp => duckType is "TIMESTAMP" or "TIMESTAMP_NS" or "TIMESTAMP_MS",
        IcebergTypeId.TimestampTz => duckType == "TIMESTAMP WITH TIME ZONE",
        IcebergTypeId.String => duckType == "VARCHAR",
        IcebergTypeId.Decimal => duckType.StartsWith("DECIMAL(", StringComparison.Ordinal)
            && duckType.EndsWith(IcebergType.Invariant($",{type.Scale})"), StringComparison.Ordinal),
        IcebergTypeId.Uuid => duckType is "UUID" or "BLOB",
        _ => duckType == "BLOB",
    };

    private static bool SameValue(IcebergPrimitiveType type, object? a, object? b) =>
        a is null || b is null ? a is null && b is null : IcebergValues.Compare(type, a, b) == 0;

    /// <summary>A partition or column value as text: dates as yyyy-MM-dd, timestamps as ISO 8601, numbers invariant.</summary>
    internal static string Show(object? value) => value switch
    {
        null => "null",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private string LocalPath(string location)
    {
        var path = _io.LocalPath(location)
            ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Data files must be on local disk to be added.") { File = location };
        if (!File.Exists(path))
        {
            throw new IcebergException(IcebergErrorKind.FileNotFound, "Data file not found.") { File = location };
        }
        return path;
    }

    private List<object?[]> Query(string sql, string location)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        try
        {
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++)
                {
                    row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(row);
            }
            return rows;
        }
        catch (DuckDBException e)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "Not a readable Parquet file: " + e.Message, e) { File = location };
        }
    }

    private static int Skip(List<(string, int?, long Children)> elements, int index)
    {
        var children = elements[index].Children;
        index++;
        for (var i = 0; i < children && index < elements.Count; i++)
        {
            index = Skip(elements, index);
        }
        return index;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _connection.Dispose();
    }
}

using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Reads the top-level columns of one Parquet file through embedded DuckDB, choosing each file column by its
/// Parquet <c>field_id</c> (so renamed columns read under their new name and columns added later read as null).
/// Files without any field ids are matched through <c>schema.name-mapping.default</c> when the table has one
/// (unmapped columns read as null), else by the current column names.
/// </summary>
internal sealed class IcebergParquetFileReader : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly bool _ownsConnection;
    private readonly IIcebergFileIO _io;
    private readonly List<string> _temporaryFiles = [];

    public IcebergParquetFileReader(IIcebergFileIO io)
    {
        _io = io;
        _connection = new DuckDBConnection("DataSource=:memory:");
        _connection.Open();
        _ownsConnection = true;
    }

    /// <summary>A reader that runs its queries on an open connection the caller owns (it is not disposed here).</summary>
    public IcebergParquetFileReader(IIcebergFileIO io, DuckDBConnection connection)
    {
        _io = io;
        _connection = connection;
    }

    /// <summary>
    /// The rows of <paramref name="location"/>, streamed: one value per requested field (null when the file lacks
    /// the field) in <see cref="IcebergValues"/> representation, and each row's position in the file.
    /// </summary>
    public IEnumerable<(long Position, object?[] Values)> Read(
        string location, IReadOnlyList<IcebergField> fields, IReadOnlyDictionary<int, IReadOnlyList<string>>? nameMapping = null)
    {
        var path = LocalCopy(location);
        var names = ColumnsById(path, location, fields, nameMapping);
        var select = new List<string>();
        var slots = new int[fields.Count];
        for (var i = 0; i < fields.Count; i++)
        {
            slots[i] = -1;
            if (!names.TryGetValue(fields[i].Id, out var name))
            {
                continue;
            }
            var quoted = Quote(name);
            slots[i] = select.Count;
            select.Add(fields[i].Type.Id is IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz ? $"epoch_us({quoted})" : quoted);
        }
        select.Add("file_row_number");
        using var command = _connection.CreateCommand();
        // DuckDB keeps a file's row order (preserve_insertion_order); positions come from file_row_number anyway.
        command.CommandText = $"SELECT {string.Join(", ", select)} FROM read_parquet({Literal(path)}, file_row_number = true, hive_partitioning = false)";
        DuckDBDataReader reader;
        try
        {
            reader = command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "DuckDB could not read the Parquet file: " + e.Message, e) { File = location };
        }
        using (reader)
        {
            var positionSlot = select.Count - 1;
            while (Next(reader, location))
            {
                var values = new object?[fields.Count];
                for (var i = 0; i < fields.Count; i++)
                {
                    var slot = slots[i];
                    if (slot >= 0 && !reader.IsDBNull(slot))
                    {
                        values[i] = fields[i].Type.Id switch
                        {
                            IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz =>
                                new DateTime(DateTime.UnixEpoch.Ticks + (reader.GetInt64(slot) * 10), DateTimeKind.Utc),
                            IcebergTypeId.Double when reader.GetFieldType(slot) == typeof(double) => reader.GetDouble(slot),
                            IcebergTypeId.String when reader.GetFieldType(slot) == typeof(string) => reader.GetString(slot),
                            _ => Convert(fields[i], reader.GetValue(slot), location),
                        };
                    }
                }
                yield return (reader.GetInt64(positionSlot), values);
            }
        }
    }

    private static bool Next(DuckDBDataReader reader, string location)
    {
        try
        {
            return reader.Read();
        }
        catch (DuckDBException e)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "DuckDB could not read the Parquet file: " + e.Message, e) { File = location };
        }
    }

    /// <summary>The file's column name for each requested field id it has (see the type summary for the matching rules).</summary>
    public Dictionary<int, string> ColumnNames(
        string localPath, string location, IReadOnlyList<IcebergField> fields, IReadOnlyDictionary<int, IReadOnlyList<string>>? nameMapping) =>
        ColumnsById(localPath, location, fields, nameMapping);

    private Dictionary<int, string> ColumnsById(
        string path, string location, IReadOnlyList<IcebergField> fields, IReadOnlyDictionary<int, IReadOnlyList<string>>? nameMapping)
    {
        var topLevel = TopLevelColumns(path, location);
        var byId = new Dictionary<int, string>();
        var anyId = false;
        foreach (var column in topLevel)
        {
            if (column.FieldId is { } id)
            {
                anyId = true;
                if (fields.Any(f => f.Id == id))
                {
                    byId[id] = column.Name;
                }
            }
        }
        if (!anyId)
        {
            foreach (var f in fields)
            {
                // With a name mapping only mapped names count (as in Java and pyiceberg); without one, the current name.
                IReadOnlyList<string> candidates = nameMapping is null ? [f.Name] : nameMapping.TryGetValue(f.Id, out var mapped) ? mapped : [];
                var match = candidates.FirstOrDefault(name => topLevel.Any(c => c.Name == name));
                if (match is not null)
                {
                    byId[f.Id] = match;
                }
            }
        }
        return byId;
    }

    /// <summary>
    /// Whether DuckDB's <c>read_parquet</c> of a file with these top-level columns (<see cref="TopLevelColumns"/>) gives exactly the columns <paramref name="fields"/> describe:
    /// the same number, in the same order, each with the field's id, its name and, as DuckDB reads it, its type
    /// (<paramref name="duckDbTypes"/>, one per field). Such a file needs no column mapping and no casts.
    /// </summary>
    public static bool ReadsAs(IReadOnlyList<ParquetSchemaNode> topLevel, IReadOnlyList<IcebergField> fields, IReadOnlyList<string> duckDbTypes)
    {
        if (topLevel.Count != fields.Count)
        {
            return false;
        }
        for (var i = 0; i < fields.Count; i++)
        {
            var column = topLevel[i];
            if (column.FieldId != fields[i].Id || column.Name != fields[i].Name || column.DuckDbType is null || column.DuckDbType != duckDbTypes[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The file's top-level columns: the root's children in the footer's schema (which lists the root first, then every element depth first).</summary>
    public List<ParquetSchemaNode> TopLevelColumns(string path, string location) =>
        IcebergReadCache.GetOrRead(_io, location, "parquet-columns", "", () => ParquetFooterSchema.TopLevel(ParquetSchema(path, location)));

    // Read in C# (two positioned reads) rather than with DuckDB's parquet_schema(), which costs a query on every
    // file a plan touches for the first time.
    private static List<ParquetSchemaNode> ParquetSchema(string path, string location)
    {
        try
        {
            return ParquetFooterSchema.Read(path);
        }
        catch (Exception e) when (e is FormatException or IOException)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "Not a readable Parquet file: " + e.Message, e) { File = location };
        }
    }

    private static object Convert(IcebergField field, object value, string location)
    {
        if (field.Type is not IcebergPrimitiveType type)
        {
            return value; // nested values are returned as DuckDB gives them
        }
        if (value is Stream stream)
        {
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            value = copy.ToArray();
        }
        try
        {
            return IcebergValues.Normalize(type, value);
        }
        catch (IcebergException e)
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, "A Parquet column does not hold its Iceberg type.", e)
            {
                File = location,
                Field = field.Name,
                Expected = e.Expected,
                Actual = e.Actual,
            };
        }
    }

    private string LocalCopy(string location)
    {
        if (_io.LocalPath(location) is { } local)
        {
            if (!File.Exists(local))
            {
                throw new IcebergException(IcebergErrorKind.FileNotFound,
                    local == location ? "Data file not found." : "Data file not found (resolved to " + local + ").")
                {
                    File = location,
                };
            }
            return local;
        }
        var temp = Path.Combine(Path.GetTempPath(), "iceberg-" + Guid.NewGuid().ToString("N") + ".parquet");
        using (var input = _io.OpenRead(location))
        using (var output = File.Create(temp))
        {
            input.CopyTo(output);
        }
        _temporaryFiles.Add(temp);
        return temp;
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    internal static string Literal(string path) => "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'";

    public void Dispose()
    {
        if (_ownsConnection)
        {
            _connection.Dispose();
        }
        foreach (var temp in _temporaryFiles)
        {
            File.Delete(temp);
        }
    }
}

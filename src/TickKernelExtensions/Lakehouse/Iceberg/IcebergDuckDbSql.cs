using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A DuckDB SQL query over one snapshot of a table: a <c>UNION ALL</c> of one <c>SELECT</c> per live data file
/// that maps the file's columns to the table's by field id (missing columns as typed NULLs), drops rows hit by
/// position deletes (<c>file_row_number</c> anti-join) and equality deletes (<c>IS NOT DISTINCT FROM</c>
/// anti-join), under the same sequence-number and partition rules as <see cref="IcebergTableReader.Scan"/>.
/// DuckDB then streams and filters it columnar, without the row objects of <see cref="IcebergScanResult"/>.
/// Files must be on local disk (<see cref="IIcebergFileIO.LocalPath(string, long)"/>; a caching IO fetches remote ones).
/// </summary>
public static class IcebergDuckDbSql
{
    /// <summary>
    /// The SELECT for the snapshot chosen by <paramref name="options"/> (<see cref="IcebergScanOptions.Filter"/>
    /// prunes files only, so it is refused here: put the condition in the outer SQL's WHERE).
    /// </summary>
    public static string Query(IcebergTableReader table, IcebergScanOptions? options = null) => Query(table, options, null, null);

    /// <summary>
    /// The SELECT for the snapshot chosen by <paramref name="options"/>, over only the data files that may hold a row
    /// matching at least one of the AND-ed predicate lists in <paramref name="pruneBy"/> (partition values, manifest
    /// summaries, column bounds). The rows themselves are not filtered: the caller's SQL must still apply the
    /// conditions. Null or an empty list among them reads every file.
    /// </summary>
    /// <param name="table">The table.</param>
    /// <param name="options">The snapshot to read and the columns; no filter.</param>
    /// <param name="pruneBy">Predicate lists that select the files (see above); null reads every file.</param>
    /// <param name="connection">An open DuckDB connection to inspect the files' schemas on (the one the query will run on saves opening another); null opens a private one.</param>
    public static string Query(
        IcebergTableReader table, IcebergScanOptions? options, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, DuckDBConnection? connection = null) =>
        Build(table, options, pruneBy, connection).Sql;

    /// <summary>As <see cref="Query(IcebergTableReader, IcebergScanOptions?, IReadOnlyList{IReadOnlyList{IcebergPredicate}}?, DuckDBConnection?)"/>, with the plan the SELECT reads (files kept and pruned).</summary>
    public static (string Sql, IcebergScanPlan Plan) Build(
        IcebergTableReader table, IcebergScanOptions? options, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, DuckDBConnection? connection = null)
    {
        var scan = BuildScan(table, options, pruneBy, connection);
        return (scan.Select, scan.Plan);
    }

    /// <summary>
    /// As <see cref="Build"/>, and, when DuckDB can read the kept files as they are, <see cref="IcebergDuckDbScan.Relation"/>:
    /// a single <c>read_parquet([…])</c> over them that gives exactly the snapshot schema's columns (every one, whatever
    /// <see cref="IcebergScanOptions.Columns"/> projects), with no per-file SELECT, cast or UNION ALL. That holds when no
    /// delete file applies to a kept file and every kept file's top-level columns are the schema's fields in order, by id,
    /// name and the type DuckDB reads (a table never renamed, widened or evolved since those files were written, which is
    /// the common case); DuckDB then plans one scan, which costs it less than a subquery per file.
    /// </summary>
    public static IcebergDuckDbScan BuildScan(
        IcebergTableReader table, IcebergScanOptions? options, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, DuckDBConnection? connection = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new IcebergScanOptions();
        if (options.Filter.Count > 0)
        {
            throw new ArgumentException("IcebergDuckDbSql.Query does not take a Filter; write the condition in the SQL's WHERE clause.", nameof(options));
        }
        var plan = pruneBy is null || pruneBy.Count == 0 || pruneBy.Any(p => p.Count == 0)
            ? table.Plan(options)
            : Union(pruneBy.Select(p => table.Plan(options with { Filter = p })).ToList());
        var fields = options.Columns is null
            ? plan.Schema.Fields.ToList()
            : options.Columns.Select(c => plan.Schema.FindField(c) ?? throw new IcebergException(IcebergErrorKind.ColumnNotFound, "A projected column is not in the schema.") { Field = c }).ToList();
        var nameMapping = table.NameMapping();
        using var files = connection is null ? new IcebergParquetFileReader(table.Io) : new IcebergParquetFileReader(table.Io, connection);
        if (plan.DataFiles.Count == 0)
        {
            return new IcebergDuckDbScan("SELECT " + string.Join(", ", fields.Select(f => $"NULL::{DuckDbType(f.Type)} AS {IcebergParquetFileReader.Quote(f.Name)}")) + " WHERE false", null, plan);
        }
        var positionDeletes = plan.DeleteFiles.Where(d => d.File.Content == IcebergFileContent.PositionDeletes).ToList();
        var equalityDeletes = plan.DeleteFiles.Where(d => d.File.Content == IcebergFileContent.EqualityDeletes).ToList();
        var parts = new List<string>();
        var schemaFields = plan.Schema.Fields;
        var schemaTypes = schemaFields.All(f => f.Type is IcebergPrimitiveType) ? schemaFields.Select(f => DuckDbType(f.Type)).ToList() : null;
        var direct = new List<string>();
        foreach (var task in plan.DataFiles)
        {
            var path = Local(table.Io, task.File);
            var equality = equalityDeletes.Where(e => e.DataSequenceNumber > task.DataSequenceNumber && IcebergDeleteIndex.AppliesToPartition(e.Spec, e.File.Partition, task)).ToList();
            var needed = fields.Concat(equality.SelectMany(e => e.File.EqualityIds ?? []).Distinct()
                .Where(id => fields.All(f => f.Id != id))
                .Select(id => plan.Schema.FindField(id) ?? table.Metadata.Schemas.Select(s => s.FindField(id)).First(f => f is not null)!)).ToList();
            // A file that reads as the schema's columns (the common case) needs neither the id mapping nor casts.
            var exact = schemaTypes is not null && IcebergParquetFileReader.ReadsAs(files.TopLevelColumns(path, task.File.FilePath), schemaFields, schemaTypes);
            var names = exact ? null : files.ColumnNames(path, task.File.FilePath, needed, nameMapping);
            string Column(IcebergField f) => names is null
                ? schemaFields.Any(s => s.Id == f.Id) ? "t." + IcebergParquetFileReader.Quote(f.Name) : $"NULL::{DuckDbType(f.Type)}"
                : names.TryGetValue(f.Id, out var n)
                ? $"t.{IcebergParquetFileReader.Quote(n)}::{DuckDbType(f.Type)}"
                : $"NULL::{DuckDbType(f.Type)}";
            var sql = new StringBuilder();
            sql.Append("SELECT ").AppendJoin(", ", fields.Select(f => Column(f) + " AS " + IcebergParquetFileReader.Quote(f.Name)));
            var applicablePositions = positionDeletes.Where(d => d.DataSequenceNumber >= task.DataSequenceNumber).ToList();
            sql.Append(" FROM read_parquet(").Append(IcebergParquetFileReader.Literal(path))
                .Append(applicablePositions.Count > 0 ? ", file_row_number = true" : "").Append(", hive_partitioning = false) t");
            var conditions = new List<string>();
            if (applicablePositions.Count > 0)
            {
                var list = string.Join(", ", applicablePositions.Select(d => IcebergParquetFileReader.Literal(Local(table.Io, d.File))));
                conditions.Add($"t.file_row_number NOT IN (SELECT pos FROM read_parquet([{list}], hive_partitioning = false) WHERE pos IS NOT NULL AND file_path = {IcebergParquetFileReader.Literal(task.File.FilePath)})");
            }
            foreach (var e in equality)
            {
                var deletePath = Local(table.Io, e.File);
                var ids = e.File.EqualityIds!;
                var deleteFields = ids.Select(id => needed.First(f => f.Id == id)).ToList();
                var deleteNames = files.ColumnNames(deletePath, e.File.FilePath, deleteFields, nameMapping);
                var matches = deleteFields.Select(f =>
                    $"d.{IcebergParquetFileReader.Quote(deleteNames.GetValueOrDefault(f.Id) ?? throw MissingColumn(e.File.FilePath, f))}::{DuckDbType(f.Type)} IS NOT DISTINCT FROM {Column(f)}");
                conditions.Add($"NOT EXISTS (SELECT 1 FROM read_parquet({IcebergParquetFileReader.Literal(deletePath)}, hive_partitioning = false) d WHERE {string.Join(" AND ", matches)})");
            }
            if (conditions.Count > 0)
            {
                sql.Append(" WHERE ").AppendJoin(" AND ", conditions);
            }
            parts.Add(sql.ToString());
            if (direct is not null && conditions.Count == 0 && exact)
            {
                direct.Add(IcebergParquetFileReader.Literal(path));
            }
            else
            {
                direct = null;
            }
        }
        // One file as a string, not a one-element list: DuckDB plans the single-file form a little faster.
        var relation = direct is null ? null
            : "read_parquet(" + (direct.Count == 1 ? direct[0] : "[" + string.Join(", ", direct) + "]") + ", hive_partitioning = false)";
        return new IcebergDuckDbScan(string.Join("\nUNION ALL\n", parts), relation, plan);
    }

    private static IcebergScanPlan Union(List<IcebergScanPlan> plans)
    {
        if (plans.Count == 1)
        {
            return plans[0];
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var files = plans.SelectMany(p => p.DataFiles).Where(f => seen.Add(f.File.FilePath)).ToList();
        return plans[0] with { DataFiles = files, FilesPruned = plans.Min(p => p.FilesPruned), ManifestsPruned = plans.Min(p => p.ManifestsPruned) };
    }

    /// <summary>DuckDB's name for an Iceberg primitive type (nested types are not mapped).</summary>
    public static string DuckDbType(IcebergType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return type is IcebergPrimitiveType p ? p.TypeId switch
        {
            IcebergTypeId.Boolean => "BOOLEAN",
            IcebergTypeId.Int => "INTEGER",
            IcebergTypeId.Long => "BIGINT",
            IcebergTypeId.Float => "FLOAT",
            IcebergTypeId.Double => "DOUBLE",
            IcebergTypeId.Decimal => string.Create(CultureInfo.InvariantCulture, $"DECIMAL({p.Precision}, {p.Scale})"),
            IcebergTypeId.Date => "DATE",
            IcebergTypeId.Time => "TIME",
            IcebergTypeId.Timestamp => "TIMESTAMP",
            IcebergTypeId.TimestampTz => "TIMESTAMPTZ",
            IcebergTypeId.String => "VARCHAR",
            IcebergTypeId.Uuid => "UUID",
            _ => "BLOB",
        }
        : throw new IcebergException(IcebergErrorKind.Unsupported, "SQL over nested columns is not supported.") { Actual = type.Id.ToString() };
    }

    /// <summary>The file on local disk; a caching IO fetches it now, checked against the manifest's length.</summary>
    private static string Local(IIcebergFileIO io, IcebergDataFile file) =>
        io.LocalPath(file.FilePath, file.FileSizeInBytes) is { } path && File.Exists(path)
            ? path
            : throw new IcebergException(IcebergErrorKind.FileNotFound, "SQL needs the file on local disk, and it is not there.")
            {
                File = file.FilePath,
                Actual = io.LocalPath(file.FilePath) ?? "(no local path)",
            };

    private static IcebergException MissingColumn(string file, IcebergField field) =>
        new(IcebergErrorKind.SchemaMismatch, "An equality delete file lacks one of its equality columns.") { File = file, Field = field.Name };
}

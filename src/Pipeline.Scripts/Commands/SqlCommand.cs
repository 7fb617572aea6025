using System.CommandLine;
using TickKernelExtensions;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline sql "SELECT …"</c>: runs DuckDB SQL over the lakehouse's catalog tables (<c>namespace.table</c>, with
/// Trino's <c>FOR VERSION|TIMESTAMP AS OF</c>) and prints the result. Exit 0 when the query ran, 2 when it failed
/// (bad SQL, unknown table, unreadable table, catalog error; one line on stderr), 3 for bad options, 130 when cancelled.
/// </summary>
internal static class SqlCommand
{
    public static Command Build()
    {
        var sql = new Argument<string>("SQL") { Description = "DuckDB SQL; catalog tables as namespace.table, e.g. SELECT count(*) FROM bronze.ticks." };
        var data = CommonOptions.Data();
        var catalog = new Option<string?>("--catalog")
        {
            Description = $"The catalog, as {JdbcCatalogOptions.EnvironmentVariable} takes it: a PostgreSQL connection string (Host=…;Database=…), or a SQLite file (default: {JdbcCatalogOptions.EnvironmentVariable}, else <data>/{JdbcCatalogOptions.SqliteFileName}).",
        };
        var catalogName = new Option<string>("--catalog-name") { Description = "The catalog name (iceberg_tables.catalog_name).", DefaultValueFactory = _ => JdbcCatalogOptions.DefaultCatalogName };
        var asOfSnapshot = new Option<long?>("--as-of-snapshot") { Description = "Read this snapshot id of every table the SQL references (without its own FOR … AS OF clause)." };
        var asOfTime = CommonOptions.Time("--as-of-time", "Read every referenced table as it was at this time.");
        var asOfTag = new Option<string?>("--as-of-tag") { Description = "Read every referenced table at this tag or branch." };
        var prefixes = new Option<string[]>("--location-prefix")
        {
            Description = "PREFIX=DIR: read table files under a location prefix from a local folder, e.g. s3://lake/=/mnt/lake-copy. Repeatable.",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<QueryOutputFormat>("--format") { Description = "table (aligned columns), csv or json.", DefaultValueFactory = _ => QueryOutputFormat.Table };
        var maxRows = new Option<long?>("--max-rows") { Description = "Print at most this many rows (default: all); the table format then says more were left." };
        var cache = new Option<string?>("--cache")
        {
            Description = "Where files of s3:// tables are cached for DuckDB, downloaded once each (default: <data>/cache).",
        };
        var s3 = new S3CliOptions();
        var explain = new Option<bool>("--explain")
        {
            Description = "After the result, print on stderr what each table's scan read: snapshot, files read and pruned, and the WHERE conditions that pruned them.",
        };
        var command = new Command("sql", "Run SQL (embedded DuckDB) over the lakehouse tables in the Iceberg catalog, at their current or an earlier snapshot.")
        {
            sql, data, catalog, catalogName, asOfSnapshot, asOfTime, asOfTag, prefixes, cache, format, maxRows, explain,
        };
        foreach (var option in s3.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var problems = new List<string>();
            var locations = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var mapping in r.GetValue(prefixes) ?? [])
            {
                var eq = mapping.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0 || eq == mapping.Length - 1)
                {
                    problems.Add($"--location-prefix: '{mapping}' is not PREFIX=DIR (e.g. s3://lake/=/mnt/lake-copy)");
                    continue;
                }
                locations[mapping[..eq]] = mapping[(eq + 1)..];
            }
            if (r.GetValue(maxRows) is < 0)
            {
                problems.Add($"--max-rows: expected zero or more, actual {r.GetValue(maxRows)}");
            }
            var versions = new[]
            {
                r.GetValue(asOfSnapshot) is { } id ? TableVersion.Snapshot(id) : null,
                r.GetValue(asOfTime) is { } time ? TableVersion.Timestamp(new DateTimeOffset(time)) : null,
                string.IsNullOrEmpty(r.GetValue(asOfTag)) ? null : TableVersion.Tag(r.GetValue(asOfTag)!),
            }.OfType<TableVersion>().ToList();
            if (versions.Count > 1)
            {
                problems.Add($"--as-of-snapshot, --as-of-time and --as-of-tag exclude each other (actual {string.Join(", ", versions)})");
            }
            var setting = r.GetValue(catalog) ?? Environment.GetEnvironmentVariable(JdbcCatalogOptions.EnvironmentVariable);
            var catalogOptions = JdbcCatalogOptions.FromSetting(setting, new DataLayout(r.GetValue(data)!)) with { CatalogName = r.GetValue(catalogName)! };
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            try
            {
                // s3:// files a query needs are fetched once into the cache (DuckDB has no httpfs here); mapped prefixes stay local.
                using var remote = new S3IcebergFileIO(s3.Resolve(r), new LocalIcebergFileIO(locations));
                var io = new CachingIcebergFileIO(remote, new IcebergFileCacheOptions { Directory = r.GetValue(cache) ?? new DataLayout(r.GetValue(data)!).Cache });
                await using var engine = await LakehouseSql.OpenAsync(new LakehouseSqlOptions { Catalog = catalogOptions, FileIO = io }, ct);
                var text = r.GetValue(sql)!;
                Dictionary<string, TableVersion>? asOf = null;
                if (versions.Count == 1)
                {
                    asOf = (await engine.ReferencedTablesAsync(text, ct)).ToDictionary(t => t.ToString(), _ => versions[0]);
                    if (asOf.Count == 0)
                    {
                        await Console.Error.WriteLineAsync($"{versions[0]}: the SQL references no catalog table (name tables as namespace.table).");
                        return 3;
                    }
                }
                await using var reader = await engine.ExecuteReaderAsync(text, asOf, ct);
                var output = r.InvocationConfiguration.Output;
                await QueryResultWriter.WriteAsync(output, reader.Columns, reader.ReadAsync(ct), r.GetValue(format), r.GetValue(maxRows), ct);
                if (r.GetValue(explain))
                {
                    foreach (var scan in reader.Scans)
                    {
                        await Console.Error.WriteLineAsync(
                            $"{scan.Table} @ snapshot {scan.SnapshotId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}: {scan.DataFiles} data file(s) read, " +
                            $"{scan.DataFilesPruned} pruned by bounds, {scan.ManifestsPruned} of {scan.ManifestsRead + scan.ManifestsPruned} manifest(s) skipped" +
                            (scan.PrunedBy.Count == 0 ? "; no WHERE condition could prune" : "; pruned by " + string.Join(" | ", scan.PrunedBy)));
                    }
                }
                return 0;
            }
            catch (LakehouseSqlException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
            catch (CatalogException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return e.Kind == CatalogErrorKind.InvalidOptions ? 3 : 2;
            }
            catch (IcebergException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
        }));
        return command;
    }
}

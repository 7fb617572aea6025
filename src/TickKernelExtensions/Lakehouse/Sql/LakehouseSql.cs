using System.Text;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// The embedded SQL engine of the lakehouse: DuckDB SQL in which catalog tables are named <c>namespace.table</c>
/// (<c>SELECT count(*) FROM bronze.ticks</c>). For each table the SQL references, the engine loads the metadata
/// location from the catalog, picks the snapshot (current, or the one a Trino-style <c>FOR VERSION AS OF 123</c> /
/// <c>FOR TIMESTAMP AS OF '…'</c> / <c>FOR VERSION AS OF 'tag'</c> clause or the <c>asOf</c> argument selects) and
/// creates, in a fresh in-memory DuckDB connection, the schema <c>namespace</c> with a view <c>table</c> built by
/// <see cref="IcebergDuckDbSql"/> (columns by field id, deletes applied). DuckDB then plans and runs the SQL as
/// written, so every query sees one consistent snapshot per table. Thread safe: each query has its own connection.
/// </summary>
public sealed partial class LakehouseSql : IAsyncDisposable
{
    private readonly bool _ownsCatalog;

    private LakehouseSql(IIcebergCatalog catalog, IIcebergFileIO fileIO, bool ownsCatalog)
    {
        Catalog = catalog;
        FileIO = fileIO;
        _ownsCatalog = ownsCatalog;
    }

    /// <summary>The catalog table names resolve in.</summary>
    public IIcebergCatalog Catalog { get; }

    /// <summary>How metadata and data files are reached; DuckDB needs them on local disk.</summary>
    public IIcebergFileIO FileIO { get; }

    /// <summary>Opens the catalog the options name (creating its tables when missing, as <see cref="JdbcCatalog.OpenAsync"/> does).</summary>
    public static async Task<LakehouseSql> OpenAsync(LakehouseSqlOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var io = options.ResolveFileIO();
        var catalog = await JdbcCatalog.OpenAsync(options.Catalog, cancellationToken);
        return new LakehouseSql(catalog, io, ownsCatalog: true);
    }

    /// <summary>An engine over a catalog the caller owns (it is not disposed with the engine).</summary>
    public static LakehouseSql Over(IIcebergCatalog catalog, IIcebergFileIO fileIO)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(fileIO);
        return new LakehouseSql(catalog, fileIO, ownsCatalog: false);
    }

    /// <summary>Every table in the catalog, nested namespaces included, sorted by <c>namespace.table</c>.</summary>
    public async Task<IReadOnlyList<TableIdentifier>> ListTablesAsync(CancellationToken cancellationToken = default)
    {
        var tables = new List<TableIdentifier>();
        var pending = new Stack<string>((await Catalog.ListNamespacesAsync(null, cancellationToken)).Reverse());
        while (pending.Count > 0)
        {
            var ns = pending.Pop();
            tables.AddRange(await Catalog.ListTablesAsync(ns, cancellationToken));
            foreach (var child in (await Catalog.ListNamespacesAsync(ns, cancellationToken)).Reverse())
            {
                pending.Push(child);
            }
        }
        return tables.OrderBy(t => t.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>The catalog tables <paramref name="sql"/> references, each once, in order of first mention.</summary>
    public async Task<IReadOnlyList<TableIdentifier>> ReferencedTablesAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var references = await ResolveAsync(sql, cancellationToken);
        return references.Select(r => r.Table).Distinct().ToList();
    }

    /// <summary>Runs the SQL and returns the whole result.</summary>
    /// <param name="sql">DuckDB SQL; catalog tables as <c>namespace.table</c>, optionally with a time-travel clause.</param>
    /// <param name="asOf">
    /// The version to read per table (key <c>namespace.table</c>) where the SQL has no clause of its own; tables not
    /// named read their current snapshot. A key the SQL does not reference is an error.
    /// </param>
    /// <param name="cancellationToken">Cancels catalog work and stops reading rows.</param>
    /// <exception cref="LakehouseSqlException">Bad SQL, an unknown table, an unreadable table or an unresolvable version.</exception>
    public async Task<QueryResult> QueryAsync(
        string sql, IReadOnlyDictionary<string, TableVersion>? asOf = null, CancellationToken cancellationToken = default)
    {
        await using var reader = await ExecuteReaderAsync(sql, asOf, cancellationToken);
        var rows = new List<object?[]>();
        await foreach (var row in reader.ReadAsync(cancellationToken))
        {
            rows.Add(row);
        }
        return new QueryResult(reader.Columns, rows) { Scans = reader.Scans, ExecutedSql = reader.ExecutedSql };
    }

    /// <summary>Runs the SQL and streams the result (see <see cref="QueryAsync"/> for the arguments).</summary>
    public async Task<LakehouseSqlReader> ExecuteReaderAsync(
        string sql, IReadOnlyDictionary<string, TableVersion>? asOf = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        var references = await ResolveAsync(sql, cancellationToken);
        CheckAsOfKeys(sql, asOf, references);
        var views = new Dictionary<(TableIdentifier Table, TableVersion? Version), (string View, CatalogTableEntry Entry)>();
        var rewritten = new StringBuilder(sql);
        foreach (var r in references.OrderByDescending(r => r.Start))
        {
            var version = r.Version ?? asOf?.GetValueOrDefault(r.Table.ToString());
            var view = View(r, asOf);
            views[(r.Table, version)] = (view, r.Entry);
            var replacement = SqlNameScanner.Quote(r.Table.Namespace) + "." + SqlNameScanner.Quote(view)
                + (version is not null && r.IsWholeName && !r.FollowedByAlias ? " AS " + SqlNameScanner.Quote(r.Table.Name) : "");
            rewritten.Remove(r.Start, r.End - r.Start).Insert(r.Start, replacement);
        }
        var opened = new List<OpenedView>();
        foreach (var ((table, version), (view, entry)) in views)
        {
            opened.Add(OpenView(table, entry, version, view, sql));
        }
        // The parse tree comes from the query's shape (its string literals replaced) when that shape was parsed
        // before: queries that differ only in literals skip DuckDB's parse (SqlShape says why that is safe).
        var shape = SqlShape.Of(rewritten.ToString());
        var cached = opened.Count == 0 ? null : shape.CachedTree();
        var (query, json) = OpenQueryConnection(cached is not null ? null : shape.Literals.Count > 0 ? shape.Text : rewritten.ToString());
        var connection = query.Connection;
        try
        {
            SqlShape? restore = null;
            ParsedTree tree;
            if (cached is not null)
            {
                (tree, restore) = (cached, shape);
            }
            else if (shape.Literals.Count > 0 && shape.TryCache(json) is { } shaped)
            {
                (tree, restore) = (shaped, shape);
            }
            else
            {
                tree = new ParsedTree(shape.Literals.Count > 0 ? ParseOn(query, rewritten.ToString()) : json);
            }
            var pruning = PruningPredicates(connection, tree, opened, restore);
            var scans = new List<TableScan>();
            var selects = new Dictionary<(string Schema, string View), IcebergDuckDbScan>();
            var inlinable = Inlinable(references, tree);
            var cacheKeys = new List<string>();
            foreach (var v in opened)
            {
                var prunedBy = pruning.GetValueOrDefault((v.Table.Namespace, v.View));
                // A derived table selects only the columns the query names; a view, which the SQL may use any way, all.
                var columns = inlinable ? UsedColumns(v, tree.ColumnReferences) : null;
                IcebergDuckDbScan select;
                if (inlinable)
                {
                    (select, var key) = CachedViewSql(v, prunedBy, connection, columns);
                    cacheKeys.Add(key);
                }
                else
                {
                    select = ViewSql(v, prunedBy, connection, columns);
                }
                var plan = select.Plan;
                selects[(v.Table.Namespace, v.View)] = select;
                scans.Add(new TableScan(v.Table.ToString(), plan.Snapshot?.SnapshotId, plan.DataFiles.Count, plan.FilesPruned,
                    plan.ManifestsRead, plan.ManifestsPruned,
                    prunedBy?.Select(list => string.Join(" AND ", list.Select(p => p.ToString()))).Where(t => t.Length > 0).ToList() ?? []));
            }
            DuckDBCommand? command = null;
            DuckDBDataReader? reader = null;
            var executed = inlinable ? Inlined(sql, references, asOf, selects, tree) : null;
            if (executed is not null)
            {
                command = connection.CreateCommand();
                command.CommandText = executed;
                try
                {
                    reader = (DuckDBDataReader)await command.ExecuteReaderAsync(cancellationToken);
                }
                catch (DuckDBException)
                {
                    // The view path below runs the SQL as the user wrote it and names what failed.
                    ForgetScans(cacheKeys);
                    await command.DisposeAsync();
                    command = null;
                }
            }
            if (reader is null)
            {
                foreach (var v in opened)
                {
                    var pruneBy = pruning.GetValueOrDefault((v.Table.Namespace, v.View));
                    CreateView(query, v, inlinable ? ViewSql(v, pruneBy, connection, null).Select : selects[(v.Table.Namespace, v.View)].Select);
                }
                executed = rewritten.ToString();
                command = connection.CreateCommand();
                command.CommandText = executed;
                try
                {
                    reader = (DuckDBDataReader)await command.ExecuteReaderAsync(cancellationToken);
                }
                catch (DuckDBException e)
                {
                    await command.DisposeAsync();
                    throw await TranslateAsync(e, sql, cancellationToken);
                }
            }
            var types = Enumerable.Range(0, reader.FieldCount).Select(i => DuckDbTypeNames.FromReader(reader.GetDataTypeName(i))).ToList();
            if (types.Any(t => t is null))
            {
                types = DescribedTypes(query.CatalogName, executed!) ?? types;
            }
            return new LakehouseSqlReader(command!, reader, sql, types, scans, () => CloseQueryConnection(query, reusable: tree.SelectOnly));
        }
        catch
        {
            CloseQueryConnection(query, reusable: false);
            throw;
        }
    }

    private static void CreateView(QueryConnection query, OpenedView v, string select)
    {
        if (!query.Schemas.Contains(v.Table.Namespace))
        {
            query.Schemas.Add(v.Table.Namespace);
        }
        using var create = query.Connection.CreateCommand();
        create.CommandText = $"CREATE SCHEMA IF NOT EXISTS {SqlNameScanner.Quote(v.Table.Namespace)}; " +
            $"CREATE OR REPLACE VIEW {SqlNameScanner.Quote(v.Table.Namespace)}.{SqlNameScanner.Quote(v.View)} AS {select}";
        try
        {
            create.ExecuteNonQuery();
        }
        catch (DuckDBException e)
        {
            throw new LakehouseSqlException(LakehouseSqlErrorKind.TableUnreadable, "DuckDB could not open the table's data files: " + e.Message, e)
            {
                Table = v.Table.ToString(),
            };
        }
    }

    private static bool Inlinable(List<Reference> references, ParsedTree tree) =>
        references.Count > 0 && tree.SelectOnly && references.All(r => r.IsWholeName);

    // The table's columns (in schema order) that a column reference of the query may name, or null for all of them:
    // when the references are unknown, or the query names a table or alias as a value (the whole row as a struct).
    private static List<string>? UsedColumns(OpenedView view, SqlColumnReferences? references)
    {
        if (references is null || view.Options.Columns is not null || references.RowReferences.Count > 0)
        {
            return null;
        }
        var used = view.Schema.Fields.Where(f => references.Names.Contains(f.Name)).Select(f => f.Name).ToList();
        if (used.Count == view.Schema.Fields.Count)
        {
            return null;
        }
        // A derived table needs a column; count(*) alone names none.
        return used.Count > 0 ? used : view.Schema.Fields.Count > 0 ? [view.Schema.Fields[0].Name] : null;
    }

    // The SQL with each table reference replaced by its scan as a derived table, "(SELECT … read_parquet …) AS ticks":
    // no view to create, so DuckDB binds each file's footer once instead of twice and the query needs one round trip
    // fewer. Only for SELECTs in which every reference is a table in a FROM clause (DuckDB's tree holds exactly the
    // references the scanner found) and none is a qualified column (bronze.ticks.ts needs the schema); otherwise null,
    // and the views are created as before. A derived table with the table's name as its alias is the same relation.
    // It selects only the table's columns that the query's column references name (UsedColumns): DuckDB binds and
    // casts fewer columns. A derived table missing a column the query needs fails to bind, and the views then run.
    // Where the scan's files read as the table's columns with no mapping and no deletes (IcebergDuckDbScan.Relation),
    // the reference becomes "read_parquet([…]) AS ticks" itself: every column of the table, and no subquery to plan.
    private static string? Inlined(
        string sql, List<Reference> references, IReadOnlyDictionary<string, TableVersion>? asOf,
        Dictionary<(string Schema, string View), IcebergDuckDbScan> selects, ParsedTree tree)
    {
        if (!Inlinable(references, tree))
        {
            return null;
        }
        var counts = tree.CountTableReferences(selects.Keys.ToHashSet());
        var byView = references.GroupBy(r => (r.Table.Namespace, View(r, asOf)));
        if (counts is null || byView.Any(g => counts.GetValueOrDefault(g.Key) != g.Count()))
        {
            return null;
        }
        var inlined = new StringBuilder(sql);
        foreach (var r in references.OrderByDescending(r => r.Start))
        {
            var scan = selects[(r.Table.Namespace, View(r, asOf))];
            var replacement = (scan.Relation ?? "(" + scan.Select + ")")
                + (r.FollowedByAlias ? "" : " AS " + SqlNameScanner.Quote(r.Table.Name));
            inlined.Remove(r.Start, r.End - r.Start).Insert(r.Start, replacement);
        }
        return inlined.ToString();
    }

    private static string View(Reference r, IReadOnlyDictionary<string, TableVersion>? asOf) =>
        (r.Version ?? asOf?.GetValueOrDefault(r.Table.ToString())) is { } version ? r.Table.Name + "@" + version.ViewSuffix : r.Table.Name;

    /// <summary>Releases the engine's DuckDB database and, when the engine opened it, the catalog. Dispose readers first.</summary>
    public async ValueTask DisposeAsync()
    {
        lock (_rootLock)
        {
            DisposePool();
            _root?.Dispose();
            _root = null;
            _disposed = true;
        }
        if (_ownsCatalog)
        {
            await Catalog.DisposeAsync();
        }
    }

    // The reader names parameterised types without their parameters ("Decimal", "List"); DESCRIBE gives DuckDB's
    // full names ("DECIMAL(10,2)", "INTEGER[]"). It plans a single query without running it, on a second connection
    // (the first is busy streaming the result) that sees the query's catalog; anything else (DDL, a script of several
    // statements, which DESCRIBE would partly run) keeps the reader's names.
    private List<string?>? DescribedTypes(string catalogName, string sql)
    {
        if (!SqlNameScanner.IsSingleQuery(sql))
        {
            return null;
        }
        using var connection = Root().Duplicate();
        connection.Open();
        using var describe = connection.CreateCommand();
        describe.CommandText = $"USE {SqlNameScanner.Quote(catalogName)}; DESCRIBE " + sql.TrimEnd().TrimEnd(';');
        try
        {
            using var reader = describe.ExecuteReader();
            var types = new List<string?>();
            while (reader.Read())
            {
                types.Add(reader.GetString(reader.GetOrdinal("column_type")));
            }
            return types;
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    private OpenedView OpenView(TableIdentifier table, CatalogTableEntry entry, TableVersion? version, string view, string sql) =>
        Translate(table, version, sql, entry.MetadataLocation, () =>
        {
            var reader = IcebergTableReader.Open(FileIO, entry.MetadataLocation);
            var options = version?.ToScanOptions() ?? new IcebergScanOptions();
            return new OpenedView(table, view, reader, options, IcebergScanPlanner.Resolve(reader.Metadata, options).Schema);
        });

    private IcebergDuckDbScan ViewSql(
        OpenedView view, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, DuckDBConnection connection, IReadOnlyList<string>? columns) =>
        Translate(view.Table, null, null, view.Reader.MetadataLocation,
            () => IcebergDuckDbSql.BuildScan(view.Reader, columns is null ? view.Options : view.Options with { Columns = columns }, pruneBy, connection));

    private T Translate<T>(TableIdentifier table, TableVersion? version, string? sql, string metadataLocation, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (IcebergException e) when (e.Kind == IcebergErrorKind.SnapshotNotFound)
        {
            throw new LakehouseSqlException(LakehouseSqlErrorKind.InvalidTimeTravel, $"No snapshot for {version}: {e.Message}", e)
            {
                Table = table.ToString(),
                Sql = sql,
            };
        }
        catch (IcebergException e)
        {
            var remote = e.Kind == IcebergErrorKind.FileNotFound && e.File is { } file && FileIO is not CachingIcebergFileIO && FileIO.LocalPath(file) is null;
            throw new LakehouseSqlException(LakehouseSqlErrorKind.TableUnreadable,
                remote ? e.Message + " SQL reads files from local disk: map the location's prefix to a local copy (LocationPrefixes, --location-prefix)." : e.Message, e)
            {
                Table = table.ToString(),
                File = e.File ?? metadataLocation,
            };
        }
    }

    private async Task<LakehouseSqlException> TranslateAsync(DuckDBException e, string sql, CancellationToken cancellationToken)
    {
        var message = e.Message;
        if (message.Contains("Catalog Error", StringComparison.Ordinal)
            && (message.Contains("Table with name", StringComparison.Ordinal) || message.Contains("Schema with name", StringComparison.Ordinal)))
        {
            var tables = await ListTablesAsync(cancellationToken);
            return new LakehouseSqlException(LakehouseSqlErrorKind.UnknownTable,
                $"The SQL names a table that is not in the catalog '{Catalog.Name}', which holds " +
                (tables.Count == 0 ? "no tables" : "the tables " + string.Join(", ", tables) + " (name them as namespace.table)") +
                ". DuckDB: " + message, e)
            {
                Sql = sql,
            };
        }
        return new LakehouseSqlException(LakehouseSqlErrorKind.InvalidSql, "DuckDB: " + message, e) { Sql = sql };
    }

    private static void CheckAsOfKeys(string sql, IReadOnlyDictionary<string, TableVersion>? asOf, List<Reference> references)
    {
        var unknown = asOf?.Keys.Where(k => references.All(r => r.Table.ToString() != k)).ToList() ?? [];
        if (unknown.Count > 0)
        {
            throw new LakehouseSqlException(LakehouseSqlErrorKind.InvalidTimeTravel,
                $"A version was given for {string.Join(", ", unknown)}, which the SQL does not reference (it references " +
                (references.Count == 0 ? "no catalog table" : string.Join(", ", references.Select(r => r.Table).Distinct())) + ").")
            {
                Sql = sql,
            };
        }
    }

    private async Task<List<Reference>> ResolveAsync(string sql, CancellationToken cancellationToken)
    {
        // One catalog lookup per candidate name; the entry found is the one the query reads (no second lookup that
        // could see a later commit).
        var known = new Dictionary<string, CatalogTableEntry?>(StringComparer.Ordinal);
        var references = new List<Reference>();
        foreach (var chain in SqlNameScanner.Scan(sql))
        {
            Reference? found = null;
            for (var k = chain.Parts.Count; k >= 2 && found is null; k--)
            {
                var ns = string.Join('.', chain.Parts.Take(k - 1));
                var name = chain.Parts[k - 1];
                TableIdentifier table;
                try
                {
                    table = new TableIdentifier(ns, name);
                }
                catch (CatalogException)
                {
                    continue;
                }
                var key = table.ToString();
                if (!known.TryGetValue(key, out var entry))
                {
                    entry = await Catalog.TryLoadTableAsync(table, cancellationToken);
                    known[key] = entry;
                }
                if (entry is null)
                {
                    continue;
                }
                var whole = k == chain.Parts.Count;
                if (!whole && chain.Version is not null)
                {
                    throw new LakehouseSqlException(LakehouseSqlErrorKind.InvalidTimeTravel,
                        $"A time-travel clause follows the column reference {string.Join('.', chain.Parts)}, not a table.")
                    {
                        Sql = sql,
                    };
                }
                var end = whole ? chain.ClauseEnd : chain.PartEnds[k - 1];
                found = new Reference(table, entry, chain.PartStarts[0], end, whole ? chain.Version : null, whole, chain.FollowedByAlias);
            }
            if (found is null && chain.Version is not null)
            {
                var tables = await ListTablesAsync(cancellationToken);
                throw new LakehouseSqlException(LakehouseSqlErrorKind.UnknownTable,
                    $"Time travel on {string.Join('.', chain.Parts)}, which is not a table of the catalog '{Catalog.Name}' (it holds " +
                    (tables.Count == 0 ? "no tables" : string.Join(", ", tables)) + ").")
                {
                    Sql = sql,
                };
            }
            if (found is not null)
            {
                references.Add(found);
            }
        }
        return references;
    }

    private sealed record Reference(
        TableIdentifier Table, CatalogTableEntry Entry, int Start, int End, TableVersion? Version, bool IsWholeName, bool FollowedByAlias);
}

using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

// The derived table of a table scan, kept per (metadata file, snapshot options, columns, pruning predicates): a session
// that asks the same question of the same snapshot again (a notebook cell re-run, a dashboard refresh) skips scan
// planning and building the SELECT. The metadata location comes from the catalog on every query, so a new commit is a
// new key; Iceberg never rewrites a metadata, manifest or data file. A hit still asks the file IO for each data file's
// local path, as building the SELECT does (a caching IO counts the hit, or fetches a copy it evicted; an engine's IO
// maps a location to the same path every time), and is used only when every data file is there; otherwise the SELECT
// is built again, which names a missing file. Only the derived-table path uses it; when DuckDB fails on the inlined
// SQL (a delete file gone, say), the query's entries are dropped and the views are built afresh.
public sealed partial class LakehouseSql
{
    private const int ScanCacheCapacity = 256;
    // A plain dictionary under a lock: ConcurrentDictionary's Count takes every one of its locks, which grow with the
    // table, and cost more than the lookup itself.
    private readonly Dictionary<string, IcebergDuckDbScan> _scans = new(StringComparer.Ordinal);
    private readonly Lock _scansLock = new();

    private (IcebergDuckDbScan Scan, string Key) CachedViewSql(
        OpenedView view, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, DuckDBConnection connection, IReadOnlyList<string>? columns)
    {
        var key = ScanKey(view, pruneBy, columns);
        var io = view.Reader.Io;
        IcebergDuckDbScan? hit;
        lock (_scansLock)
        {
            _scans.TryGetValue(key, out hit);
        }
        if (hit is not null && hit.Plan.DataFiles.All(t => IsLocal(io, t.File)))
        {
            return (hit, key);
        }
        var built = ViewSql(view, pruneBy, connection, columns);
        lock (_scansLock)
        {
            if (_scans.Count >= ScanCacheCapacity)
            {
                _scans.Clear();
            }
            _scans[key] = built;
        }
        return (built, key);
    }

    // As IcebergDuckDbSql finds a file: the IO's local path, and the file there.
    private static bool IsLocal(IIcebergFileIO io, IcebergDataFile file) =>
        io.LocalPath(file.FilePath, file.FileSizeInBytes) is { } path && File.Exists(path);

    private void ForgetScans(IEnumerable<string> keys)
    {
        lock (_scansLock)
        {
            foreach (var key in keys)
            {
                _scans.Remove(key);
            }
        }
    }

    private static string ScanKey(OpenedView view, IReadOnlyList<IReadOnlyList<IcebergPredicate>>? pruneBy, IReadOnlyList<string>? columns)
    {
        var key = new StringBuilder(view.Reader.MetadataLocation);
        var o = view.Options;
        key.Append('\u001f').Append(o.SnapshotId?.ToString(CultureInfo.InvariantCulture)).Append('\u001f')
            .Append(o.AsOfTimestampMs?.ToString(CultureInfo.InvariantCulture)).Append('\u001f').Append(o.Ref is null ? "\u0001" : o.Ref)
            .Append('\u001f').Append(o.Columns is null ? "\u0001" : string.Join('\u001e', o.Columns))
            .Append('\u001f').Append(columns is null ? "\u0001" : string.Join('\u001e', columns)).Append('\u001f');
        if (pruneBy is null)
        {
            return key.Append('\u0001').ToString();
        }
        foreach (var list in pruneBy)
        {
            key.Append('[');
            foreach (var p in list)
            {
                key.Append(p.Column).Append('\u001d').Append((int)p.Op).Append('\u001d').Append(p.Value.GetType().Name).Append('\u001d')
                    .Append(p.Value switch
                    {
                        DateTime t => t.Ticks.ToString(CultureInfo.InvariantCulture) + t.Kind,
                        double d => d.ToString("R", CultureInfo.InvariantCulture),
                        float f => f.ToString("R", CultureInfo.InvariantCulture),
                        string s => s,
                        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                        _ => p.Value.ToString(),
                    }).Append('\u001c');
            }
            key.Append(']');
        }
        return key.ToString();
    }
}

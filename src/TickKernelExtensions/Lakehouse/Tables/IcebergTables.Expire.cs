using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Removes snapshots older than <paramref name="olderThan"/> from the table metadata, always keeping the current
    /// snapshot, the last <paramref name="retainLast"/> snapshots of the current branch and every snapshot a tag or
    /// branch points at; then deletes the manifest lists, manifests and data files only the expired snapshots
    /// referenced (a data file stays while any retained snapshot still lists it as live). Only files under the
    /// table's location are deleted: data files appended in place elsewhere belong to whoever wrote them. Metadata
    /// files stay (the metadata log names them).
    /// </summary>
    /// <returns>The expired snapshot ids and the files deleted (local paths, or <c>s3://</c> locations on S3).</returns>
    public async Task<(IReadOnlyList<long> Expired, IReadOnlyList<string> Deleted)> ExpireSnapshotsAsync(
        TableIdentifier table, DateTimeOffset olderThan, int retainLast = 1, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retainLast, 1);
        List<IcebergSnapshot> expired = [];
        IcebergTableMetadata? before = null;
        var result = await CommitAsync(table, (m, _) =>
        {
            before = m;
            var keep = new HashSet<long>(m.Refs.Values.Select(r => r.SnapshotId));
            var ancestor = m.CurrentSnapshot;
            for (var i = 0; i < retainLast && ancestor is not null; i++)
            {
                keep.Add(ancestor.SnapshotId);
                ancestor = ancestor.ParentSnapshotId is { } p ? m.Snapshots.FirstOrDefault(s => s.SnapshotId == p) : null;
            }
            var cutoff = olderThan.ToUnixTimeMilliseconds();
            expired = m.Snapshots.Where(s => !keep.Contains(s.SnapshotId) && s.TimestampMs < cutoff).ToList();
            var gone = expired.Select(s => s.SnapshotId).ToHashSet();
            return m with
            {
                Snapshots = m.Snapshots.Where(s => !gone.Contains(s.SnapshotId)).ToList(),
                SnapshotLog = m.SnapshotLog.Where(e => !gone.Contains(e.SnapshotId)).ToList(),
            };
        }, cancellationToken);
        var after = IcebergTableReader.ReadMetadata(Io, result.MetadataLocation);
        var retainedManifests = new Dictionary<string, IcebergManifestFile>(StringComparer.Ordinal);
        foreach (var snapshot in after.Snapshots)
        {
            foreach (var manifest in ManifestList(snapshot))
            {
                retainedManifests.TryAdd(manifest.ManifestPath, manifest);
            }
        }
        var live = retainedManifests.Values.SelectMany(f => ReadEntries(after, f)).Where(e => e.IsLive).Select(e => e.DataFile.FilePath).ToHashSet(StringComparer.Ordinal);
        var candidates = new List<string>();
        foreach (var snapshot in expired)
        {
            candidates.Add(snapshot.ManifestList);
            foreach (var manifest in ManifestList(snapshot).Where(f => !retainedManifests.ContainsKey(f.ManifestPath)))
            {
                candidates.Add(manifest.ManifestPath);
                candidates.AddRange(ReadEntries(before!, manifest).Select(e => e.DataFile.FilePath).Where(p => !live.Contains(p)));
            }
        }
        var deleted = new List<string>();
        foreach (var path in candidates.Select(_store.TryName).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (_store.IsUnder(path, after.Location) && _store.Exists(path))
            {
                _store.Delete(path);
                deleted.Add(path);
            }
        }
        return (expired.Select(s => s.SnapshotId).ToList(), deleted);
    }
}

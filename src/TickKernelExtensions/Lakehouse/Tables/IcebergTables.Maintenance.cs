using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Deletes files under the table's location that no metadata reachable from the current metadata file references
    /// (itself, the metadata log, every snapshot's manifest list, manifests and data files), and that were last written
    /// before now minus <paramref name="olderThan"/>. The grace period protects writers that have written files but not
    /// committed yet: keep it longer than any commit takes (Iceberg's default is three days).
    /// </summary>
    /// <returns>The files deleted: local paths, or <c>s3://</c> locations on S3.</returns>
    public async Task<IReadOnlyList<string>> RemoveOrphanFilesAsync(TableIdentifier table, TimeSpan olderThan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfLessThan(olderThan, TimeSpan.Zero);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var m = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        var referenced = new HashSet<string>(StringComparer.Ordinal) { _store.Name(entry.MetadataLocation) };
        foreach (var log in m.MetadataLog)
        {
            referenced.Add(_store.Name(log.MetadataFile));
        }
        var manifests = new Dictionary<string, IcebergManifestFile>(StringComparer.Ordinal);
        foreach (var snapshot in m.Snapshots)
        {
            cancellationToken.ThrowIfCancellationRequested();
            referenced.Add(_store.Name(snapshot.ManifestList));
            using var stream = Io.OpenRead(snapshot.ManifestList);
            foreach (var manifest in IcebergManifestListCodec.Read(stream, snapshot.ManifestList))
            {
                manifests.TryAdd(manifest.ManifestPath, manifest);
            }
        }
        foreach (var manifest in manifests.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            referenced.Add(_store.Name(manifest.ManifestPath));
            foreach (var e in ReadEntries(m, manifest))
            {
                if (_store.TryName(e.DataFile.FilePath) is { } path)
                {
                    referenced.Add(path);
                }
            }
        }
        var cutoff = _options.Time.GetUtcNow().UtcDateTime - olderThan;
        var deleted = new List<string>();
        foreach (var (file, written) in _store.List(m.Location))
        {
            if (!referenced.Contains(file) && written <= cutoff)
            {
                _store.Delete(file);
                deleted.Add(file);
            }
        }
        return deleted;
    }
}

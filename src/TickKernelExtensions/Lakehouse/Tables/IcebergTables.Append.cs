using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Tables;

public sealed partial class IcebergTables
{
    /// <summary>
    /// Adds existing Parquet files (with field ids, each holding one partition) to the table as a fast append: one new
    /// manifest, the previous manifests kept as they are, a snapshot with <c>operation=append</c>. The files are
    /// registered where they are (copy them under the table's <c>data/</c> first if the table should own them).
    /// Files are checked against the current schema first; a mismatch names every offending column.
    /// </summary>
    /// <returns>The commit, with the new snapshot id.</returns>
    public async Task<IcebergCommitResult> AppendAsync(TableIdentifier table, IReadOnlyList<string> dataFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var start = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        return await AppendInspectedAsync(table, start.DefaultSpec, InPlace(Inspect(start, dataFiles)), cancellationToken);
    }

    /// <summary>
    /// Like <see cref="AppendAsync"/>, but first copies each file (atomically; on S3 one PUT each) into the table's own
    /// <c>data/&lt;partition&gt;/</c> folder and registers the copies, so the table owns immutable files even when
    /// the sources are later replaced (as the tick dataset's <c>&lt;source&gt;.parquet</c> files are). The copies are
    /// removed again if the commit fails.
    /// </summary>
    public async Task<IcebergCommitResult> AppendCopiesAsync(TableIdentifier table, IReadOnlyList<string> dataFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var start = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        var spec = start.DefaultSpec;
        var copies = new List<string>();
        var files = new List<IcebergDataFile>();
        try
        {
            foreach (var file in Inspect(start, dataFiles))
            {
                files.Add(CopyIntoDataFolder(start, spec, file, copies));
            }
            return await AppendInspectedAsync(table, spec, files, cancellationToken);
        }
        catch (Exception e) when (e is not CatalogException { Kind: CatalogErrorKind.CommitStateUnknown })
        {
            copies.ForEach(_store.Delete);
            throw;
        }
    }

    /// <summary>
    /// Copies an inspected local file into the table's <c>data/&lt;partition&gt;/</c> folder under a new name (atomically;
    /// one PUT on S3), records the copy in <paramref name="copies"/> for cleanup, and returns the file at its new location.
    /// </summary>
    private IcebergDataFile CopyIntoDataFolder(IcebergTableMetadata m, IcebergPartitionSpec spec, IcebergDataFile file, List<string> copies)
    {
        var folder = string.Concat(spec.Fields.Select(f =>
            Uri.EscapeDataString(f.Name) + "=" + Uri.EscapeDataString(IcebergDataFileInspector.Show(file.Partition.GetValueOrDefault(f.FieldId))) + "/"));
        var location = m.Location.TrimEnd('/') + "/data/" + folder + Guid.NewGuid() + ".parquet";
        var length = _store.Upload(LocalPath(file.FilePath), location);
        copies.Add(_store.Name(location));
        return file with { FilePath = location, FileSizeInBytes = length };
    }

    private async Task<IcebergCommitResult> AppendInspectedAsync(
        TableIdentifier table, IcebergPartitionSpec spec, List<IcebergDataFile> files, CancellationToken cancellationToken)
    {
        var snapshotId = NewSnapshotId();
        var shared = new List<string>();
        (string Location, long Length)? manifest = null;
        try
        {
            return await CommitAsync(table, (m, attempt) =>
            {
                manifest ??= WriteManifest(m, spec, IcebergFileContent.Data, Added(files, snapshotId), shared);
                return AppendChange(m, spec, snapshotId, manifest.Value, files, attempt);
            }, cancellationToken);
        }
        catch (CatalogException e) when (e.Kind == CatalogErrorKind.CommitRetriesExhausted)
        {
            shared.ForEach(_store.Delete);
            throw;
        }
    }

    /// <summary>
    /// Writes everything an append needs (manifest, manifest list, next metadata file) without committing it: the
    /// first half of <see cref="AppendAsync"/>. Commit with <see cref="CommitStagedAsync"/>; until then the table is
    /// unchanged, and if the writer dies the files are orphans.
    /// </summary>
    public async Task<IcebergStagedCommit> StageAppendAsync(TableIdentifier table, IReadOnlyList<string> dataFiles, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        var m = IcebergTableReader.ReadMetadata(Io, entry.MetadataLocation);
        var files = InPlace(Inspect(m, dataFiles));
        var snapshotId = NewSnapshotId();
        var attempt = new Attempt(1);
        var manifest = WriteManifest(m, m.DefaultSpec, IcebergFileContent.Data, Added(files, snapshotId), attempt.Files);
        var next = AppendChange(m, m.DefaultSpec, snapshotId, manifest, files, attempt);
        var location = WriteNext(m, entry.MetadataLocation, next, attempt);
        return new IcebergStagedCommit(table, entry.MetadataLocation, location, snapshotId, attempt.Files);
    }

    /// <summary>
    /// Commits a staged change with one compare-and-swap; if another writer committed since it was staged this throws
    /// <see cref="CommitConflictException"/> and the staged files stay unreferenced (stage again).
    /// </summary>
    public async Task<IcebergCommitResult> CommitStagedAsync(IcebergStagedCommit staged, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staged);
        await _catalog.CommitAsync(staged.Table, staged.PreviousLocation, staged.MetadataLocation, cancellationToken);
        return new IcebergCommitResult(staged.MetadataLocation, staged.PreviousLocation, staged.SnapshotId, 1);
    }

    private IcebergTableMetadata AppendChange(
        IcebergTableMetadata m, IcebergPartitionSpec spec, long snapshotId, (string Location, long Length) manifest,
        IReadOnlyList<IcebergDataFile> files, Attempt attempt)
    {
        var sequence = m.LastSequenceNumber + 1;
        var row = ManifestRow(m, manifest, spec, IcebergFileContent.Data, snapshotId, sequence, Added(files, snapshotId));
        var changes = new Dictionary<string, long>
        {
            ["added-data-files"] = files.Count,
            ["added-records"] = files.Sum(f => f.RecordCount),
            ["added-files-size"] = files.Sum(f => f.FileSizeInBytes),
        };
        return WithSnapshot(m, snapshotId, sequence, "append", [row, .. CurrentManifests(m)], changes, attempt);
    }

    /// <summary>
    /// Copies a local file into the table's storage at <paramref name="location"/> (atomically: temporary file and
    /// rename on disk, one PUT on S3) and returns the location, for callers that place files themselves before an
    /// <see cref="OverwritePartitionAsync"/>. Remove it with <see cref="DeleteFile"/> if the commit fails.
    /// </summary>
    public string CopyIntoTable(string localFile, string location)
    {
        ArgumentException.ThrowIfNullOrEmpty(localFile);
        ArgumentException.ThrowIfNullOrEmpty(location);
        _store.Upload(localFile, location);
        return location;
    }

    /// <summary>Deletes one file of the table's storage by location (a missing file is not an error).</summary>
    public void DeleteFile(string location) => _store.Delete(_store.Name(location));

    private static List<IcebergManifestEntry> Added(IReadOnlyList<IcebergDataFile> files, long snapshotId) =>
        files.Select(f => new IcebergManifestEntry(IcebergEntryStatus.Added, snapshotId, null, null, f)).ToList();

    /// <summary>Describes data files against the table's current schema and default spec.</summary>
    private List<IcebergDataFile> Inspect(IcebergTableMetadata m, IReadOnlyList<string> dataFiles)
    {
        ArgumentNullException.ThrowIfNull(dataFiles);
        if (dataFiles.Count == 0)
        {
            throw new ArgumentException("Name at least one data file to add.", nameof(dataFiles));
        }
        using var inspector = new IcebergDataFileInspector(Io);
        return dataFiles.Select(f => inspector.Inspect(ToLocation(f), m.CurrentSchema, m.DefaultSpec)).ToList();
    }

    /// <summary>
    /// Files registered where they are must be in the warehouse's storage: a local file in a table on S3 could not be
    /// read by Trino or Spark (use <see cref="AppendCopiesAsync"/> or <see cref="CopyIntoTable"/>).
    /// </summary>
    private List<IcebergDataFile> InPlace(List<IcebergDataFile> files)
    {
        foreach (var f in files.Where(f => IsRemote && _store.TryName(f.FilePath) is null))
        {
            throw new IcebergException(IcebergErrorKind.Unsupported, "A table on S3 cannot reference a file outside its bucket; copy it in first (AppendCopiesAsync, CopyIntoTable).")
            {
                File = f.FilePath,
                Expected = "a location in " + _warehouse,
                Actual = f.FilePath,
            };
        }
        return files;
    }

    /// <summary>A local path as a <c>file:</c> URI; URIs are kept as given.</summary>
    private static string ToLocation(string file) =>
        file.Contains(':', StringComparison.Ordinal) ? file : "file:" + Path.GetFullPath(file).Replace(Path.DirectorySeparatorChar, '/');
}

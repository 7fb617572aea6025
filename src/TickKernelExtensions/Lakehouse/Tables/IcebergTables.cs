using System.Globalization;
using System.Text;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Lakehouse.Tables;

/// <summary>
/// Writes Iceberg v2 tables through a catalog: create, append, overwrite a partition, delete by predicate
/// (copy-on-write), schema evolution, tags and orphan-file removal. Tables live under a warehouse on local disk or
/// on S3 (<see cref="IcebergTablesOptions.Warehouse"/>). Every file (data, manifest, manifest list, metadata) is
/// written atomically before the catalog's compare-and-swap (local: temporary file, flush, rename; S3: one PUT of the
/// whole object); metadata files are never overwritten. A commit that loses a race is re-applied on the winner's
/// metadata (<see cref="IIcebergCatalog.CommitWithRetryAsync"/>), so concurrent writers never lose each other's data,
/// and the losing attempt's files are deleted. Thread safe. Dispose to release the S3 connections of an S3 warehouse.
/// </summary>
public sealed partial class IcebergTables : IDisposable
{
    private readonly IIcebergCatalog _catalog;
    private readonly IcebergTablesOptions _options;
    private readonly string _warehouse;
    private readonly ITableFileStore _store;
    private readonly S3IcebergFileIO? _s3;

    /// <summary>Table writes over <paramref name="catalog"/>; see <see cref="IcebergTablesOptions"/>.</summary>
    public IcebergTables(IIcebergCatalog catalog, IcebergTablesOptions options)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _catalog = catalog;
        _options = options;
        if (options.IsS3)
        {
            S3Location.TryParse(options.Warehouse, out var warehouse);
            var s3 = (options.S3 ?? new S3ObjectStoreOptions()) with { Bucket = warehouse.Bucket, Prefix = "" };
            _warehouse = warehouse.ToString().TrimEnd('/');
            _s3 = new S3IcebergFileIO(s3);
            var cache = new CachingIcebergFileIO(_s3, options.Cache);
            Io = cache;
            _store = new S3TableFileStore(s3, cache);
        }
        else
        {
            _warehouse = Path.GetFullPath(options.Warehouse);
            Io = new LocalIcebergFileIO();
            _store = new LocalTableFileStore();
        }
    }

    /// <summary>
    /// How table files are read: local disk, or for an S3 warehouse S3 with a read-through cache of data files
    /// (<see cref="CachingIcebergFileIO"/>, whose <see cref="IIcebergFileIO.LocalPath(string)"/> downloads on first use).
    /// </summary>
    public IIcebergFileIO Io { get; }

    /// <summary>True when the warehouse is on S3.</summary>
    public bool IsRemote => _s3 is not null;

    /// <summary>The catalog tables are committed to.</summary>
    public IIcebergCatalog Catalog => _catalog;

    /// <summary>The location (<c>file:</c> URI, or <c>s3://…</c> on S3) a new table gets: <c>&lt;warehouse&gt;/ns/…/name</c>.</summary>
    public string DefaultLocation(TableIdentifier table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (IsRemote)
        {
            return string.Join("/", [_warehouse, .. table.Namespace.Split('.'), table.Name]);
        }
        var path = Path.Combine([_warehouse, .. table.Namespace.Split('.'), table.Name]);
        return "file:" + path.Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>
    /// Creates a table: writes <c>metadata/00000-&lt;uuid&gt;.metadata.json</c> (format v2, no snapshot) and registers it
    /// in the catalog. Field ids must be unique and positive; partition fields must name schema columns.
    /// </summary>
    /// <exception cref="CatalogException">The table exists or its namespace does not (the metadata file is removed again).</exception>
    public async Task<IcebergTableMetadata> CreateTableAsync(
        TableIdentifier table, IcebergSchema schema, IcebergPartitionSpec? spec = null,
        IReadOnlyDictionary<string, string>? properties = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schema);
        spec ??= IcebergPartitionSpec.Unpartitioned;
        ValidateSchema(schema);
        foreach (var pf in spec.Fields)
        {
            pf.ResultType(schema);
        }
        var metadata = new IcebergTableMetadata
        {
            TableUuid = Guid.NewGuid().ToString(),
            Location = DefaultLocation(table),
            LastUpdatedMs = NowMs(),
            LastColumnId = schema.HighestFieldId(),
            Schemas = [schema],
            CurrentSchemaId = schema.SchemaId,
            PartitionSpecs = [spec],
            DefaultSpecId = spec.SpecId,
            LastPartitionId = spec.LastFieldId,
            Properties = new Dictionary<string, string>(properties ?? new Dictionary<string, string>(), StringComparer.Ordinal)
            {
                ["write.format.default"] = "parquet",
            },
        };
        var location = MetadataLocation(metadata, 0);
        WriteMetadata(location, metadata);
        try
        {
            await _catalog.CreateTableAsync(table, location, cancellationToken);
        }
        catch
        {
            _store.Delete(_store.Name(location));
            throw;
        }
        return metadata;
    }

    /// <summary>A reader on the table's current metadata.</summary>
    public async Task<IcebergTableReader> LoadAsync(TableIdentifier table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        var entry = await _catalog.LoadTableAsync(table, cancellationToken);
        return IcebergTableReader.Open(Io, entry.MetadataLocation);
    }

    /// <summary>
    /// Loads the current metadata, applies <paramref name="change"/> (which writes what it needs into its attempt and
    /// returns the next metadata), writes the metadata file and commits; a lost race re-runs the change on the
    /// winner's metadata. Files of lost attempts are deleted once the commit succeeds or runs out of attempts.
    /// </summary>
    private async Task<IcebergCommitResult> CommitAsync(
        TableIdentifier table, Func<IcebergTableMetadata, Attempt, IcebergTableMetadata> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var attempts = new List<Attempt>();
        CommitResult result;
        try
        {
            result = await _catalog.CommitWithRetryAsync(table, (current, token) =>
            {
                token.ThrowIfCancellationRequested();
                var attempt = new Attempt(attempts.Count + 1);
                attempts.Add(attempt);
                var metadata = IcebergTableReader.ReadMetadata(Io, current);
                var next = change(metadata, attempt);
                attempt.SnapshotId = next.CurrentSnapshotId != metadata.CurrentSnapshotId ? next.CurrentSnapshotId : null;
                return Task.FromResult(WriteNext(metadata, current, next, attempt));
            }, _options.CommitRetry, cancellationToken);
        }
        catch (CatalogException e) when (e.Kind == CatalogErrorKind.CommitRetriesExhausted)
        {
            attempts.ForEach(a => a.DeleteFiles(_store));
            throw;
        }
        attempts.Take(attempts.Count - 1).ToList().ForEach(a => a.DeleteFiles(_store));
        return new IcebergCommitResult(result.MetadataLocation, result.PreviousLocation, attempts[^1].SnapshotId, result.Attempts);
    }

    /// <summary>Writes the metadata file that follows <paramref name="currentLocation"/> and returns its location.</summary>
    private string WriteNext(IcebergTableMetadata current, string currentLocation, IcebergTableMetadata next, Attempt attempt)
    {
        next = next with
        {
            LastUpdatedMs = Math.Max(NowMs(), current.LastUpdatedMs),
            MetadataLog = [.. current.MetadataLog, new IcebergMetadataLogEntry(current.LastUpdatedMs, currentLocation)],
        };
        var location = MetadataLocation(next, Version(currentLocation) + 1);
        WriteMetadata(location, next);
        attempt.Files.Add(_store.Name(location));
        return location;
    }

    private void WriteMetadata(string location, IcebergTableMetadata metadata) =>
        _store.Write(location, Encoding.UTF8.GetBytes(IcebergTableMetadataJson.Write(metadata)));

    private static string MetadataLocation(IcebergTableMetadata metadata, int version) =>
        metadata.Location.TrimEnd('/') + "/metadata/" + version.ToString("00000", CultureInfo.InvariantCulture) + "-" + Guid.NewGuid() + ".metadata.json";

    /// <summary>The version number a metadata file name starts with (<c>00003-…</c> → 3), or 0 when it has none.</summary>
    internal static int Version(string metadataLocation)
    {
        var name = metadataLocation[(metadataLocation.LastIndexOf('/') + 1)..];
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && int.TryParse(name.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
    }

    /// <summary>The local path of a location for DuckDB to read (on S3: the cached copy, fetched on first use).</summary>
    internal string LocalPath(string location) =>
        Io.LocalPath(location) ?? throw new IcebergException(IcebergErrorKind.Unsupported, "Only tables on local disk or S3 can be written.") { File = location };

    /// <summary>Releases the S3 connections of an S3 warehouse (nothing for a local one).</summary>
    public void Dispose()
    {
        _store.Dispose();
        _s3?.Dispose();
    }

    private long NowMs() => _options.Time.GetUtcNow().ToUnixTimeMilliseconds();

    private static long NewSnapshotId() => Random.Shared.NextInt64(1, long.MaxValue);

    private static void ValidateSchema(IcebergSchema schema)
    {
        var duplicateIds = schema.Fields.GroupBy(f => f.Id).Where(g => g.Count() > 1 || g.Key <= 0).Select(g => g.Key).ToList();
        var duplicateNames = schema.Fields.GroupBy(f => f.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicateIds.Count > 0 || duplicateNames.Count > 0 || schema.Fields.Count == 0)
        {
            throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A table schema needs at least one column, unique positive field ids and unique names.")
            {
                Field = "schema",
                Expected = "unique positive field ids and names",
                Actual = "duplicate or invalid ids [" + string.Join(", ", duplicateIds) + "], duplicate names [" + string.Join(", ", duplicateNames) + "]",
            };
        }
    }

    /// <summary>One commit attempt: the files it wrote (deleted if the attempt loses) and the snapshot it made.</summary>
    private sealed class Attempt(int number)
    {
        public int Number { get; } = number;

        /// <summary>Names (local paths, or <c>s3://</c> locations) of the files this attempt wrote.</summary>
        public List<string> Files { get; } = [];

        public long? SnapshotId { get; set; }

        public void DeleteFiles(ITableFileStore store)
        {
            foreach (var name in Files)
            {
                store.Delete(name);
            }
        }
    }
}

using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// How a <see cref="DvcRepository"/> works. Every field has a documented default; <see cref="Validate"/> reports every
/// bad field at once.
/// </summary>
public sealed record DatasetOptions
{
    /// <summary>Bytes read per chunk when hashing and copying (default 1 MiB, DVC's own chunk size).</summary>
    public int BufferSize { get; init; } = 1 << 20;

    /// <summary>Objects sent or fetched at once by push and pull (default 4).</summary>
    public int Concurrency { get; init; } = 4;

    /// <summary>
    /// Objects of at least this many bytes are pushed to an S3 remote in parts (default 64 MiB; a single S3 PUT is
    /// limited to 5 GiB). Local-folder remotes always take one put.
    /// </summary>
    public long MultipartThreshold { get; init; } = 64L << 20;

    /// <summary>The part size of a multipart push (default 16 MiB; raised to the store's minimum, 5 MiB on S3). One part per object in flight is held in memory.</summary>
    public int PartSize { get; init; } = 16 << 20;

    /// <summary>
    /// Write <c>no_scm = true</c> into a new <c>.dvc/config</c> (default true). The data root is git-ignored in this
    /// project, and DVC refuses <c>.dvc</c> files that git ignores unless it is told not to use git. Set false when the
    /// DVC root is the root of a git repository whose <c>.dvc</c> files you commit.
    /// </summary>
    public bool NoScm { get; init; } = true;

    /// <summary>
    /// Remember workspace files' MD5s by size and modification time in <c>.dvc/tmp/tick-hash-state.json</c>, so add,
    /// status and checkout do not read unchanged files again (default true). A file rewritten with the same size and
    /// modification time would go unnoticed, as with DVC's and git's own caches; set false to hash every file every time.
    /// </summary>
    public bool UseHashState { get; init; } = true;

    /// <summary>Append <c>/name</c> to the <c>.gitignore</c> beside an added path, as <c>dvc add</c> does (default true).</summary>
    public bool WriteGitIgnore { get; init; } = true;

    /// <summary>
    /// The base options for S3 remotes (default: the environment, as <see cref="S3ObjectStoreOptions"/> reads it).
    /// Bucket and prefix come from the remote's <c>url</c>; <c>endpointurl</c>, <c>region</c>, <c>access_key_id</c>
    /// and <c>secret_access_key</c> from <c>.dvc/config</c> and <c>.dvc/config.local</c> override these.
    /// </summary>
    public S3ObjectStoreOptions? S3 { get; init; }

    /// <summary>
    /// Opens the object store of a remote (default null: <see cref="ObjectStores.Open"/> on the remote's URL with
    /// <see cref="S3"/> and the remote's settings). Tests and callers with their own store plug in here.
    /// </summary>
    public Func<DvcRemote, IObjectStore>? RemoteFactory { get; init; }

    /// <summary>Throws <see cref="DatasetException"/> (<see cref="DatasetErrorKind.InvalidArgument"/>) naming every bad field.</summary>
    public DatasetOptions Validate()
    {
        var problems = new List<string>();
        if (BufferSize is < 4096 or > 64 << 20)
        {
            problems.Add($"BufferSize: expected 4096 to 64 MiB, actual {BufferSize}");
        }
        if (Concurrency is < 1 or > 64)
        {
            problems.Add($"Concurrency: expected 1 to 64, actual {Concurrency}");
        }
        if (MultipartThreshold < 1)
        {
            problems.Add($"MultipartThreshold: expected at least 1 byte, actual {MultipartThreshold}");
        }
        if (PartSize is < 1 << 20 or > 1 << 30)
        {
            problems.Add($"PartSize: expected 1 MiB to 1 GiB, actual {PartSize}");
        }
        if (problems.Count > 0)
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "Invalid dataset options: " + string.Join("; ", problems) + ".");
        }
        return this;
    }
}

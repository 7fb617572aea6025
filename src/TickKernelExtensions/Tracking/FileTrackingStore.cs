using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// An <c>mlruns/</c> folder in MLflow's file-store layout, exactly as MLflow 2.x/3.x write it, so <c>mlflow ui
/// --backend-store-uri ./mlruns</c> and <c>mlflow migrate-filestore</c> read it: <c>&lt;exp&gt;/meta.yaml</c>,
/// <c>&lt;exp&gt;/&lt;run_id&gt;/{meta.yaml,params/,metrics/,tags/,artifacts/}</c>, the model registry under
/// <c>models/&lt;name&gt;/</c>. Every file is replaced through a temporary file and a rename. Not safe for two writers
/// on the same run at once (neither is MLflow's).
/// </summary>
public sealed partial class FileTrackingStore : ITrackingStore
{
    internal const string Trash = ".trash";
    internal const string ModelsFolder = "models";
    internal const string Meta = "meta.yaml";
    internal const string DefaultExperimentId = "0";

    private readonly FileTrackingStoreOptions _options;
    private readonly Random _random;

    private FileTrackingStore(string root, FileTrackingStoreOptions options)
    {
        Root = Path.GetFullPath(root);
        _options = options;
        _random = options.Random ?? Random.Shared;
    }

    /// <summary>The <c>mlruns</c> folder (absolute).</summary>
    public string Root { get; }

    /// <summary>
    /// Opens <paramref name="root"/>, creating it, the Default experiment <c>0</c> and <c>.trash/</c> when they are
    /// missing (as MLflow's FileStore does on first use).
    /// </summary>
    public static FileTrackingStore Open(string root, FileTrackingStoreOptions? options = null)
    {
        var store = new FileTrackingStore(root, options ?? new FileTrackingStoreOptions());
        Directory.CreateDirectory(Path.Combine(store.Root, Trash));
        if (!File.Exists(Path.Combine(store.Root, DefaultExperimentId, Meta)))
        {
            store.WriteExperiment(DefaultExperimentId, "Default");
        }
        return store;
    }

    private long Now() => _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The file URI MLflow writes for a local folder (<c>pathlib.Path.as_uri()</c>): <c>file:///abs/path</c>, percent-encoded.</summary>
    internal static string FileUri(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <inheritdoc />
    public Task<TrackingExperiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(ListExperiments().FirstOrDefault(e => e.Name == name));

    /// <summary>Every active experiment, Default first, then by id.</summary>
    public IReadOnlyList<TrackingExperiment> ListExperiments()
    {
        var result = new List<TrackingExperiment>();
        foreach (var dir in Directory.EnumerateDirectories(Root))
        {
            var id = Path.GetFileName(dir);
            if (id is Trash or ModelsFolder || !File.Exists(Path.Combine(dir, Meta)))
            {
                continue;
            }
            result.Add(ReadExperiment(id));
        }
        return result.OrderBy(e => e.ExperimentId.Length).ThenBy(e => e.ExperimentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The experiment <paramref name="experimentId"/>.</summary>
    public TrackingExperiment ReadExperiment(string experimentId)
    {
        var path = Path.Combine(Root, experimentId, Meta);
        if (!File.Exists(path))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"Experiment '{experimentId}' does not exist.") { File = path };
        }
        var m = MetaYaml.Read(path);
        return new TrackingExperiment(
            MetaYaml.Required(m, "experiment_id", path),
            MetaYaml.Required(m, "name", path),
            MetaYaml.Required(m, "artifact_location", path),
            m.GetValueOrDefault("lifecycle_stage") ?? "active",
            MetaYaml.OptionalLong(m, "creation_time", path) ?? 0,
            MetaYaml.OptionalLong(m, "last_update_time", path) ?? 0);
    }

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateExperimentName(name);
        if (await GetExperimentByNameAsync(name, cancellationToken) is not null)
        {
            throw new TrackingException(TrackingErrorKind.Conflict, $"Experiment '{name}' already exists.") { File = Root };
        }
        string id;
        do
        {
            // MLflow's _generate_unique_integer_id: a large positive integer, as a string.
            id = _random.NextInt64(100_000_000_000_000_000, 1_000_000_000_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        while (Directory.Exists(Path.Combine(Root, id)));
        WriteExperiment(id, name);
        return id;
    }

    private void WriteExperiment(string id, string name)
    {
        var now = Now();
        var folder = Path.Combine(Root, id);
        AtomicText.Replace(Path.Combine(folder, Meta), MetaYaml.Write(
        [
            ("artifact_location", MetaYaml.Str(FileUri(folder))),
            ("creation_time", MetaYaml.Int(now)),
            ("experiment_id", MetaYaml.Str(id)),
            ("last_update_time", MetaYaml.Int(now)),
            ("lifecycle_stage", "active"),
            ("name", MetaYaml.Str(name)),
        ]));
    }

    private string NewRunId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3f) | 0x80);
        return Convert.ToHexStringLower(bytes);
    }
}

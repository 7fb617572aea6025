using System.Globalization;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// The facade notebooks use: <see cref="StartRunAsync"/> returns an <see cref="ActiveRun"/> that buffers params,
/// metrics and tags and sends them as batches; <see cref="RegisterModelAsync"/> adds a model version and aliases.
/// Timestamps come from <see cref="TrackingClientOptions.TimeProvider"/>.
/// </summary>
public sealed class TrackingClient : IDisposable
{
    private readonly TrackingClientOptions _options;

    public TrackingClient(ITrackingStore store, TrackingClientOptions? options = null)
    {
        Store = store;
        _options = options ?? new TrackingClientOptions();
    }

    /// <summary>The store runs go to.</summary>
    public ITrackingStore Store { get; }

    /// <summary>A client on the store <paramref name="options"/> name (see <see cref="TrackingClientOptions.TrackingUri"/>).</summary>
    public static TrackingClient Create(TrackingClientOptions? options = null)
    {
        options ??= new TrackingClientOptions();
        if (options.Rest is not null)
        {
            return new TrackingClient(new RestTrackingStore(options.Rest), options);
        }
        var uri = options.TrackingUri ?? Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI");
        if (RestTrackingOptions.IsServerUri(uri))
        {
            var rest = RestTrackingOptions.FromEnvironment(uri)! with { TimeProvider = options.TimeProvider };
            return new TrackingClient(new RestTrackingStore(rest), options);
        }
        var root = string.IsNullOrEmpty(uri) ? options.DefaultRoot
            : uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? new Uri(uri).LocalPath : uri;
        var file = (options.File ?? new FileTrackingStoreOptions()) with { TimeProvider = options.TimeProvider };
        return new TrackingClient(FileTrackingStore.Open(root, file), options);
    }

    private long Now() => _options.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>The id of the experiment named <paramref name="name"/>, created when missing (a concurrent creator is tolerated).</summary>
    public async Task<string> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await Store.GetExperimentByNameAsync(name, cancellationToken) is { } existing)
        {
            return existing.ExperimentId;
        }
        try
        {
            return await Store.CreateExperimentAsync(name, cancellationToken);
        }
        catch (TrackingException e) when (e.Kind == TrackingErrorKind.Conflict)
        {
            var again = await Store.GetExperimentByNameAsync(name, cancellationToken);
            if (again is null)
            {
                throw;
            }
            return again.ExperimentId;
        }
    }

    /// <summary>
    /// Starts a run in <paramref name="experimentName"/> (created when missing) with MLflow's standard tags
    /// (<c>mlflow.runName</c>, <c>mlflow.user</c>, <c>mlflow.source.type</c>, and <c>mlflow.source.name</c> /
    /// <c>mlflow.source.git.commit</c> when set). <paramref name="runName"/> defaults to <c>run-yyyyMMdd-HHmmss</c> (UTC).
    /// </summary>
    public async Task<ActiveRun> StartRunAsync(string experimentName, string? runName = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var experimentId = await GetOrCreateExperimentAsync(experimentName, cancellationToken);
        var start = _options.TimeProvider.GetUtcNow();
        runName ??= "run-" + start.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var all = new List<RunTag>
        {
            new("mlflow.runName", runName),
            new("mlflow.source.type", "LOCAL"),
            new("mlflow.user", _options.UserName),
        };
        if (_options.SourceName.Length > 0)
        {
            all.Add(new RunTag("mlflow.source.name", _options.SourceName));
        }
        if (_options.GitCommit is not null)
        {
            all.Add(new RunTag("mlflow.source.git.commit", _options.GitCommit));
        }
        foreach (var (k, v) in tags ?? new Dictionary<string, string>())
        {
            all.Add(new RunTag(k, v));
        }
        var info = await Store.CreateRunAsync(new RunCreation
        {
            ExperimentId = experimentId,
            RunName = runName,
            UserId = _options.UserName,
            StartTime = start.ToUnixTimeMilliseconds(),
            Tags = all,
        }, cancellationToken);
        return new ActiveRun(Store, info, _options.TimeProvider);
    }

    /// <summary>
    /// Registers <paramref name="source"/> (e.g. <c>runs:/&lt;run_id&gt;/model</c>) as the next version of
    /// <paramref name="name"/> (created when missing) and points each of <paramref name="aliases"/> at it.
    /// </summary>
    public async Task<ModelVersion> RegisterModelAsync(string name, string source, string? runId, IReadOnlyList<string>? aliases = null, CancellationToken cancellationToken = default)
    {
        foreach (var alias in aliases ?? [])
        {
            TrackingKeys.ValidateAlias(alias);
        }
        await Store.EnsureRegisteredModelAsync(name, null, cancellationToken);
        var version = await Store.CreateModelVersionAsync(name, source, runId, null, cancellationToken);
        foreach (var alias in aliases ?? [])
        {
            await Store.SetAliasAsync(name, alias, version.Version, cancellationToken);
        }
        return version;
    }

    /// <summary>The current time in epoch milliseconds, by the client's clock.</summary>
    public long Timestamp() => Now();

    public void Dispose() => (Store as IDisposable)?.Dispose();
}

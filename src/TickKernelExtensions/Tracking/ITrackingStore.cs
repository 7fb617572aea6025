namespace TickKernelExtensions.Tracking;

/// <summary>
/// Where runs are recorded: <see cref="FileTrackingStore"/> (an <c>mlruns/</c> folder in MLflow's file-store layout) or
/// <see cref="RestTrackingStore"/> (an MLflow tracking server's REST API 2.0). Keys and values are validated as MLflow
/// does (<see cref="TrackingKeys"/>) before anything is written or sent.
/// </summary>
public interface ITrackingStore
{
    /// <summary>The experiment named <paramref name="name"/>, or null when there is none (deleted ones included).</summary>
    Task<TrackingExperiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates an experiment; <see cref="TrackingErrorKind.Conflict"/> when the name is taken.</summary>
    Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Creates a run (status RUNNING) with its first tags.</summary>
    Task<TrackingRunInfo> CreateRunAsync(RunCreation run, CancellationToken cancellationToken = default);

    /// <summary>Sets a run's status and end time (epoch ms).</summary>
    Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken = default);

    /// <summary>Logs params, metrics and tags; a server store splits them into requests within MLflow's log-batch limits.</summary>
    Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default);

    /// <summary>Copies the file <paramref name="localPath"/> into the run's artifacts, under <paramref name="artifactPath"/> (a relative folder, or null for the root).</summary>
    Task LogArtifactAsync(TrackingRunInfo run, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the registered model unless it exists.</summary>
    Task EnsureRegisteredModelAsync(string name, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Creates the next version of a registered model from <paramref name="source"/> (e.g. <c>runs:/&lt;run_id&gt;/model</c>).</summary>
    Task<ModelVersion> CreateModelVersionAsync(string name, string source, string? runId, string? description = null, CancellationToken cancellationToken = default);

    /// <summary>Points <paramref name="alias"/> at <paramref name="version"/> (moving it from any other version).</summary>
    Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default);
}

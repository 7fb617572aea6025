namespace TickKernelExtensions.Tracking;

/// <summary>A run's info: its id is 32 lowercase hex characters; times are epoch milliseconds, <see cref="EndTime"/> null while running.</summary>
public sealed record TrackingRunInfo
{
    public required string RunId { get; init; }

    public required string ExperimentId { get; init; }

    public required string RunName { get; init; }

    public string UserId { get; init; } = "";

    public RunStatus Status { get; init; } = RunStatus.Running;

    public required long StartTime { get; init; }

    public long? EndTime { get; init; }

    /// <summary>Where the run's artifacts live: <c>file:///…/artifacts</c> locally, <c>mlflow-artifacts:/…</c> on a server.</summary>
    public required string ArtifactUri { get; init; }

    public string LifecycleStage { get; init; } = "active";
}

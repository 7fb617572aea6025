namespace TickKernelExtensions.Tracking;

/// <summary>An experiment: its id is a string (<c>"0"</c> is Default); times are epoch milliseconds.</summary>
public sealed record TrackingExperiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    string LifecycleStage,
    long CreationTime,
    long LastUpdateTime);

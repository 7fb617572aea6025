namespace TickKernelExtensions.Tracking;

/// <summary>What <see cref="ITrackingStore.CreateRunAsync"/> needs: the experiment, name, user, start (epoch ms) and the first tags.</summary>
public sealed record RunCreation
{
    public required string ExperimentId { get; init; }

    public required string RunName { get; init; }

    public string UserId { get; init; } = "";

    public required long StartTime { get; init; }

    public IReadOnlyList<RunTag> Tags { get; init; } = [];
}

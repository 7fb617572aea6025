namespace TickKernelExtensions.Tracking;

/// <summary>A registered model with its versions (ascending) and aliases (alias → version).</summary>
public sealed record RegisteredModel(
    string Name,
    long CreationTimestamp,
    string? Description,
    IReadOnlyList<ModelVersion> Versions,
    IReadOnlyDictionary<string, int> Aliases);

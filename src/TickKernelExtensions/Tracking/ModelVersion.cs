namespace TickKernelExtensions.Tracking;

/// <summary>A registered model's version: <see cref="Version"/> counts from 1; <see cref="Source"/> is e.g. <c>runs:/&lt;run_id&gt;/model</c>.</summary>
public sealed record ModelVersion(
    string Name,
    int Version,
    string Source,
    string? RunId,
    long CreationTimestamp,
    string? Description = null);

namespace TickKernelExtensions.Tracking;

/// <summary>A run as stored: its info, params, tags and every metric value logged (the full history, in file order).</summary>
public sealed record TrackingRun(
    TrackingRunInfo Info,
    IReadOnlyList<Param> Params,
    IReadOnlyList<RunTag> Tags,
    IReadOnlyList<Metric> Metrics);

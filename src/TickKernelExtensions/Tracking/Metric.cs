namespace TickKernelExtensions.Tracking;

/// <summary>One metric value: <paramref name="Timestamp"/> in epoch milliseconds (UTC), <paramref name="Step"/> 0 for a summary value.</summary>
public sealed record Metric(string Key, double Value, long Timestamp, long Step = 0);

namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>Where a running query is: Trino's query id, its state (QUEUED, RUNNING, FINISHED, ...) and rows received so far.</summary>
public sealed record TrinoProgress(string? QueryId, string State, long Rows);

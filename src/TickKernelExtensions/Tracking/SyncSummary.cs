namespace TickKernelExtensions.Tracking;

/// <summary>What one <see cref="MlflowSync.SyncAsync"/> did: runs sent, runs already on the server, runs left out because still running, model versions and aliases sent.</summary>
public sealed record SyncSummary(int RunsSynced, int RunsSkipped, int RunsUnfinished, int ModelVersionsSynced, int AliasesSet);

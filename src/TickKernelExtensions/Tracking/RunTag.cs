namespace TickKernelExtensions.Tracking;

/// <summary>A run tag (may be overwritten). MLflow's own are <c>mlflow.runName</c>, <c>mlflow.user</c>, <c>mlflow.source.*</c>, <c>mlflow.note.content</c>.</summary>
public sealed record RunTag(string Key, string Value);

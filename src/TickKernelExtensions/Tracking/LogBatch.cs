namespace TickKernelExtensions.Tracking;

/// <summary>One <c>runs/log-batch</c> request's content, within MLflow's limits (see <see cref="LogBatchPlanner"/>).</summary>
public sealed record LogBatch(IReadOnlyList<Metric> Metrics, IReadOnlyList<Param> Params, IReadOnlyList<RunTag> Tags);

using System.Text;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// Splits params, tags and metrics into <c>runs/log-batch</c> requests within MLflow's limits
/// (<c>mlflow/utils/validation.py</c>): at most 100 params, 100 tags, 1000 metrics and 1000 entities in all per
/// request, and a body under 1 MB (estimated from the keys' and values' UTF-8 lengths plus JSON framing). Params go
/// first, then tags, then metrics, in the order given; 2500 metrics make three requests.
/// </summary>
public static class LogBatchPlanner
{
    /// <summary>MLflow's <c>MAX_PARAMS_TAGS_PER_BATCH</c>.</summary>
    public const int MaxParamsOrTags = 100;

    /// <summary>MLflow's <c>MAX_METRICS_PER_BATCH</c>.</summary>
    public const int MaxMetrics = 1000;

    /// <summary>MLflow's <c>MAX_ENTITIES_PER_BATCH</c>.</summary>
    public const int MaxEntities = 1000;

    /// <summary>Below MLflow's <c>MAX_BATCH_LOG_REQUEST_SIZE</c> (1e6 bytes), with room for the run id and framing.</summary>
    public const int MaxBytes = 900_000;

    private const int Framing = 80;

    /// <summary>The requests, in order; none when there is nothing to log.</summary>
    public static IReadOnlyList<LogBatch> Plan(IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags)
    {
        var batches = new List<LogBatch>();
        int pi = 0, ti = 0, mi = 0;
        while (pi < parameters.Count || ti < tags.Count || mi < metrics.Count)
        {
            var ps = new List<Param>();
            var ts = new List<RunTag>();
            var ms = new List<Metric>();
            var bytes = 0;
            bool Fits(int size) => ps.Count + ts.Count + ms.Count < MaxEntities && (bytes + size <= MaxBytes || ps.Count + ts.Count + ms.Count == 0);
            while (pi < parameters.Count && ps.Count < MaxParamsOrTags && Fits(Size(parameters[pi].Key, parameters[pi].Value)))
            {
                bytes += Size(parameters[pi].Key, parameters[pi].Value);
                ps.Add(parameters[pi++]);
            }
            while (ti < tags.Count && ts.Count < MaxParamsOrTags && Fits(Size(tags[ti].Key, tags[ti].Value)))
            {
                bytes += Size(tags[ti].Key, tags[ti].Value);
                ts.Add(tags[ti++]);
            }
            while (mi < metrics.Count && ms.Count < MaxMetrics && Fits(Size(metrics[mi].Key, "")))
            {
                bytes += Size(metrics[mi].Key, "");
                ms.Add(metrics[mi++]);
            }
            batches.Add(new LogBatch(ms, ps, ts));
        }
        return batches;
    }

    private static int Size(string key, string value) => Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value) * 2 + Framing;
}

using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using TickKernelExtensions.Modeling.Signals;

namespace Serving.Host;

/// <summary>
/// The host's counters, written as Prometheus text exposition (format 0.0.4) by <see cref="Write"/>. Hand-written
/// rather than prometheus-net: a dozen series need no dependency, the names and labels are ours, and tests read them
/// back exactly. Thread safe (interlocked counters).
/// </summary>
internal sealed class ServingMetrics
{
    /// <summary>Upper bounds (seconds) of the scoring latency histogram: one tick through bars, features and the model.</summary>
    public static readonly double[] LatencyBuckets = [0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1];

    private readonly ConcurrentDictionary<(string Endpoint, int Status), long[]> _requests = new();
    private readonly ConcurrentDictionary<string, long[]> _signals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long[]> _shadowSignals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long[]> _reloads = new(StringComparer.Ordinal);
    private readonly long[] _latencyCounts = new long[LatencyBuckets.Length + 1];
    private long _latencySumNanos;
    private long _ticks;
    private long _shadowDisagreements;

    /// <summary>The last ticks' scoring latencies, for the dashboard's percentiles.</summary>
    public LatencyWindow Recent { get; } = new();

    /// <summary>Ticks scored since the host started.</summary>
    public long Ticks => Interlocked.Read(ref _ticks);

    /// <summary>Signals served since the host started, by action name.</summary>
    public IReadOnlyDictionary<string, long> SignalsByAction => _signals.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value[0]));

    public void Request(string endpoint, int status) => Interlocked.Increment(ref _requests.GetOrAdd((endpoint, status), _ => new long[1])[0]);

    public void Tick(TimeSpan scoring)
    {
        Interlocked.Increment(ref _ticks);
        var seconds = scoring.TotalSeconds;
        var bucket = 0;
        while (bucket < LatencyBuckets.Length && seconds > LatencyBuckets[bucket])
        {
            bucket++;
        }
        Interlocked.Increment(ref _latencyCounts[bucket]);
        Interlocked.Add(ref _latencySumNanos, (long)(seconds * 1e9));
        Recent.Add(scoring);
    }

    public void Signal(TradeSignal signal) => Interlocked.Increment(ref _signals.GetOrAdd(Name(signal.Action), _ => new long[1])[0]);

    public void ShadowSignal(TradeSignal signal, bool disagrees)
    {
        Interlocked.Increment(ref _shadowSignals.GetOrAdd(Name(signal.Action), _ => new long[1])[0]);
        if (disagrees)
        {
            Interlocked.Increment(ref _shadowDisagreements);
        }
    }

    public void Reload(bool succeeded) => Interlocked.Increment(ref _reloads.GetOrAdd(succeeded ? "ok" : "failed", _ => new long[1])[0]);

    /// <summary>The exposition text; <paramref name="model"/> (or null) fills the model info gauge.</summary>
    public string Write(ServedModel? model)
    {
        var b = new StringBuilder();
        b.Append("# HELP serving_requests_total HTTP requests by endpoint (route pattern) and status code.\n# TYPE serving_requests_total counter\n");
        foreach (var ((endpoint, status), n) in _requests.OrderBy(p => p.Key.Endpoint, StringComparer.Ordinal).ThenBy(p => p.Key.Status))
        {
            b.Append(CultureInfo.InvariantCulture, $"serving_requests_total{{endpoint=\"{Escape(endpoint)}\",status=\"{status}\"}} {Volatile.Read(ref n[0])}\n");
        }
        b.Append("# HELP serving_ticks_total Ticks accepted.\n# TYPE serving_ticks_total counter\n");
        b.Append(CultureInfo.InvariantCulture, $"serving_ticks_total {Volatile.Read(ref _ticks)}\n");
        Labelled(b, "serving_signals_total", "Signals produced by the served model, by action.", _signals);
        Labelled(b, "serving_shadow_signals_total", "Signals produced by the shadow model (never returned), by action.", _shadowSignals);
        b.Append("# HELP serving_shadow_disagreements_total Shadow signals whose action differs from the served model's on the same bar.\n# TYPE serving_shadow_disagreements_total counter\n");
        b.Append(CultureInfo.InvariantCulture, $"serving_shadow_disagreements_total {Volatile.Read(ref _shadowDisagreements)}\n");
        b.Append("# HELP serving_scoring_seconds Time to take one tick through bars, features and the model (and the shadow).\n# TYPE serving_scoring_seconds histogram\n");
        long cumulative = 0;
        for (var i = 0; i < LatencyBuckets.Length; i++)
        {
            cumulative += Volatile.Read(ref _latencyCounts[i]);
            b.Append(CultureInfo.InvariantCulture, $"serving_scoring_seconds_bucket{{le=\"{LatencyBuckets[i]}\"}} {cumulative}\n");
        }
        cumulative += Volatile.Read(ref _latencyCounts[^1]);
        b.Append(CultureInfo.InvariantCulture, $"serving_scoring_seconds_bucket{{le=\"+Inf\"}} {cumulative}\n");
        b.Append(CultureInfo.InvariantCulture, $"serving_scoring_seconds_sum {Volatile.Read(ref _latencySumNanos) / 1e9}\n");
        b.Append(CultureInfo.InvariantCulture, $"serving_scoring_seconds_count {cumulative}\n");
        b.Append("# HELP serving_model_info The served model (value 1); absent when none is loaded.\n# TYPE serving_model_info gauge\n");
        if (model is not null)
        {
            var m = model.Bundle;
            b.Append(CultureInfo.InvariantCulture,
                $"serving_model_info{{name=\"{Escape(m.Name)}\",version=\"{Escape(m.Version)}\",sha256=\"{Escape(m.ContentHash)}\",feature_set=\"{Escape(m.FeatureSet.Name)}\",shadow=\"{Escape(model.Shadow?.Version ?? "")}\"}} 1\n");
        }
        Labelled(b, "serving_model_reloads_total", "Model reloads by result (ok, failed).", _reloads, "result");
        return b.ToString();
    }

    internal static string Name(SignalAction action) => action switch
    {
        SignalAction.Buy => "buy",
        SignalAction.Sell => "sell",
        _ => "flat",
    };

    private static void Labelled(StringBuilder b, string name, string help, ConcurrentDictionary<string, long[]> values, string label = "action")
    {
        b.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var (key, n) in values.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            b.Append(CultureInfo.InvariantCulture, $"{name}{{{label}=\"{Escape(key)}\"}} {Volatile.Read(ref n[0])}\n");
        }
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

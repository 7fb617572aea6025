using System.Globalization;
using System.Text;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// A started run. <see cref="LogParam(string, string)"/>, <see cref="LogMetric"/> and <see cref="SetTag"/> validate at once and
/// buffer; <see cref="FlushAsync"/> (and <see cref="EndAsync"/>) send the buffer as log-batch requests. Log summary
/// values as metrics and long series (equity curves, per-bar values) with <see cref="LogSeriesAsync"/>, which stores
/// them as a CSV artifact: MLflow reads every metric line of every run to list runs. Disposing ends the run as
/// FINISHED unless <see cref="EndAsync"/> was called (call it with <see cref="RunStatus.Failed"/> on errors). Thread safe.
/// </summary>
public sealed class ActiveRun : IAsyncDisposable
{
    private readonly ITrackingStore _store;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private List<Param> _params = [];
    private List<Metric> _metrics = [];
    private List<RunTag> _tags = [];
    private bool _ended;

    internal ActiveRun(ITrackingStore store, TrackingRunInfo info, TimeProvider time)
    {
        _store = store;
        _time = time;
        Info = info;
    }

    /// <summary>The run as created.</summary>
    public TrackingRunInfo Info { get; }

    /// <summary>The run id (32 hex characters).</summary>
    public string RunId => Info.RunId;

    /// <summary>Buffers a param (values are text; at most 6000 characters; never log secrets).</summary>
    public void LogParam(string key, string value)
    {
        var p = new Param(key, value);
        TrackingKeys.ValidateParam(p);
        lock (_gate)
        {
            _params.Add(p);
        }
    }

    /// <summary>Buffers a param formatted with the invariant culture.</summary>
    public void LogParam(string key, IFormattable value) => LogParam(key, value.ToString(null, CultureInfo.InvariantCulture));

    /// <summary>Buffers a metric value at <paramref name="step"/>, timestamped now by the client's clock.</summary>
    public void LogMetric(string key, double value, long step = 0)
    {
        var m = new Metric(key, value, _time.GetUtcNow().ToUnixTimeMilliseconds(), step);
        TrackingKeys.ValidateMetric(m);
        lock (_gate)
        {
            _metrics.Add(m);
        }
    }

    /// <summary>Buffers a tag (at most 8000 characters).</summary>
    public void SetTag(string key, string value)
    {
        var t = new RunTag(key, value);
        TrackingKeys.ValidateTag(t);
        lock (_gate)
        {
            _tags.Add(t);
        }
    }

    /// <summary>Sends what is buffered.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        List<Param> p;
        List<Metric> m;
        List<RunTag> t;
        lock (_gate)
        {
            (p, m, t) = (_params, _metrics, _tags);
            (_params, _metrics, _tags) = ([], [], []);
        }
        if (p.Count + m.Count + t.Count > 0)
        {
            await _store.LogBatchAsync(RunId, m, p, t, cancellationToken);
        }
    }

    /// <summary>Copies a file into the run's artifacts, under <paramref name="artifactPath"/> (a relative folder) or the root.</summary>
    public Task LogArtifactAsync(string localPath, string? artifactPath = null, CancellationToken cancellationToken = default) =>
        _store.LogArtifactAsync(Info, localPath, artifactPath, cancellationToken);

    /// <summary>
    /// Stores a long series as the artifact <c>series/&lt;name&gt;.csv</c> (<c>step,value</c> lines) and logs its last
    /// value as the summary metric <paramref name="name"/>.
    /// </summary>
    public async Task LogSeriesAsync(string name, IReadOnlyList<double> values, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateKey("series", name);
        var folder = Path.Combine(Path.GetTempPath(), "tke-series-" + Guid.NewGuid().ToString("N"));
        var file = Path.Combine(folder, name.Replace('/', '_') + ".csv");
        Directory.CreateDirectory(folder);
        try
        {
            var b = new StringBuilder("step,value\n");
            for (var i = 0; i < values.Count; i++)
            {
                b.Append(i.ToString(CultureInfo.InvariantCulture)).Append(',').Append(values[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            }
            await File.WriteAllTextAsync(file, b.ToString(), cancellationToken);
            await LogArtifactAsync(file, "series", cancellationToken);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
        if (values.Count > 0)
        {
            LogMetric(name, values[^1], values.Count - 1);
        }
    }

    /// <summary>Flushes and ends the run with <paramref name="status"/> at the current time; later calls do nothing.</summary>
    public async Task EndAsync(RunStatus status = RunStatus.Finished, CancellationToken cancellationToken = default)
    {
        if (_ended)
        {
            return;
        }
        await FlushAsync(cancellationToken);
        await _store.UpdateRunAsync(RunId, status, _time.GetUtcNow().ToUnixTimeMilliseconds(), cancellationToken);
        _ended = true;
    }

    public async ValueTask DisposeAsync() => await EndAsync();
}

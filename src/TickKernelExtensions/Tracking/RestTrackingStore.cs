using System.Globalization;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// An MLflow tracking server over its REST API 2.0 (<c>{uri}/api/2.0/mlflow/…</c>): experiments, runs, log-batch in
/// chunks within MLflow's limits (<see cref="LogBatchPlanner"/>), artifacts through the <c>mlflow-artifacts</c> proxy
/// (or a <c>file:</c> artifact root the server shares with this machine), the model registry and aliases; and the way
/// back for <see cref="ModelDownload"/>: versions by number, alias or latest, run artifact URIs, and artifact listing and
/// download through the proxy. Retries
/// 429, 5xx and connection failures with exponential backoff; errors name the endpoint, the status and MLflow's
/// <c>error_code</c>. Thread safe.
/// </summary>
public sealed partial class RestTrackingStore : ITrackingStore, IDisposable
{
    private readonly RestTrackingOptions _options;
    private readonly HttpClient _http;

    public RestTrackingStore(RestTrackingOptions options)
    {
        _options = options.Validate();
        _http = new HttpClient(options.Handler ?? new SocketsHttpHandler(), disposeHandler: options.Handler is null)
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    /// <inheritdoc />
    public async Task<TrackingExperiment?> GetExperimentByNameAsync(string name, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateExperimentName(name);
        try
        {
            var json = await SendAsync(HttpMethod.Get, "mlflow/experiments/get-by-name?experiment_name=" + Uri.EscapeDataString(name), null, cancellationToken);
            var e = json["experiment"]!;
            return new TrackingExperiment(
                (string)e["experiment_id"]!, (string)e["name"]!, (string?)e["artifact_location"] ?? "",
                (string?)e["lifecycle_stage"] ?? "active", Long(e["creation_time"]) ?? 0, Long(e["last_update_time"]) ?? 0);
        }
        catch (TrackingException e) when (e.ErrorCode == "RESOURCE_DOES_NOT_EXIST")
        {
            return null;
        }
    }

    /// <inheritdoc />
    public async Task<string> CreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateExperimentName(name);
        var json = await SendAsync(HttpMethod.Post, "mlflow/experiments/create", new JsonObject { ["name"] = name }, cancellationToken);
        return (string)json["experiment_id"]!;
    }

    /// <inheritdoc />
    public async Task<TrackingRunInfo> CreateRunAsync(RunCreation run, CancellationToken cancellationToken = default)
    {
        foreach (var t in run.Tags)
        {
            TrackingKeys.ValidateTag(t);
        }
        var body = new JsonObject
        {
            ["experiment_id"] = run.ExperimentId,
            ["user_id"] = run.UserId,
            ["run_name"] = run.RunName,
            ["start_time"] = run.StartTime,
            ["tags"] = new JsonArray(run.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
        };
        var json = await SendAsync(HttpMethod.Post, "mlflow/runs/create", body, cancellationToken);
        var info = json["run"]!["info"]!;
        return new TrackingRunInfo
        {
            RunId = (string?)info["run_id"] ?? (string)info["run_uuid"]!,
            ExperimentId = (string)info["experiment_id"]!,
            RunName = (string?)info["run_name"] ?? run.RunName,
            UserId = (string?)info["user_id"] ?? run.UserId,
            StartTime = Long(info["start_time"]) ?? run.StartTime,
            ArtifactUri = (string?)info["artifact_uri"] ?? "",
        };
    }

    /// <inheritdoc />
    public Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken = default)
    {
        var body = new JsonObject { ["run_id"] = runId, ["status"] = status.ToString().ToUpperInvariant() };
        if (endTime is { } end)
        {
            body["end_time"] = end;
        }
        return SendAsync(HttpMethod.Post, "mlflow/runs/update", body, cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        foreach (var p in parameters)
        {
            TrackingKeys.ValidateParam(p);
        }
        foreach (var t in tags)
        {
            TrackingKeys.ValidateTag(t);
        }
        foreach (var m in metrics)
        {
            TrackingKeys.ValidateMetric(m);
        }
        foreach (var batch in LogBatchPlanner.Plan(metrics, parameters, tags))
        {
            var body = new JsonObject
            {
                ["run_id"] = runId,
                ["metrics"] = new JsonArray(batch.Metrics.Select(m => (JsonNode)new JsonObject
                {
                    ["key"] = m.Key,
                    ["value"] = Double(m.Value),
                    ["timestamp"] = m.Timestamp,
                    ["step"] = m.Step,
                }).ToArray()),
                ["params"] = new JsonArray(batch.Params.Select(p => (JsonNode)new JsonObject { ["key"] = p.Key, ["value"] = p.Value }).ToArray()),
                ["tags"] = new JsonArray(batch.Tags.Select(t => (JsonNode)new JsonObject { ["key"] = t.Key, ["value"] = t.Value }).ToArray()),
            };
            await SendAsync(HttpMethod.Post, "mlflow/runs/log-batch", body, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task EnsureRegisteredModelAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        var body = new JsonObject { ["name"] = name };
        if (description is not null)
        {
            body["description"] = description;
        }
        try
        {
            await SendAsync(HttpMethod.Post, "mlflow/registered-models/create", body, cancellationToken);
        }
        catch (TrackingException e) when (e.ErrorCode == "RESOURCE_ALREADY_EXISTS")
        {
            // Exists already: nothing to do.
        }
    }

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(string name, string source, string? runId, string? description = null, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        var body = new JsonObject { ["name"] = name, ["source"] = source };
        if (runId is not null)
        {
            body["run_id"] = runId;
        }
        if (description is not null)
        {
            body["description"] = description;
        }
        var json = await SendAsync(HttpMethod.Post, "mlflow/model-versions/create", body, cancellationToken);
        var mv = json["model_version"]!;
        var version = mv["version"]!.ToString();
        return new ModelVersion(name, int.Parse(version, CultureInfo.InvariantCulture), source, runId, Long(mv["creation_timestamp"]) ?? 0, description);
    }

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        TrackingKeys.ValidateAlias(alias);
        return SendAsync(HttpMethod.Post, "mlflow/registered-models/alias",
            new JsonObject { ["name"] = name, ["alias"] = alias, ["version"] = version.ToString(CultureInfo.InvariantCulture) }, cancellationToken);
    }

    /// <summary>Protobuf-JSON doubles: numbers, or "NaN" / "Infinity" / "-Infinity" as strings.</summary>
    private static JsonNode Double(double v) =>
        double.IsFinite(v) ? JsonValue.Create(v) : JsonValue.Create(double.IsNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity");

    /// <summary>int64 fields come as numbers or strings.</summary>
    private static long? Long(JsonNode? node) =>
        node is null ? null : long.TryParse(node.ToString(), CultureInfo.InvariantCulture, out var v) ? v : null;

    public void Dispose() => _http.Dispose();
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tracking;

public sealed partial class RestTrackingStore
{
    /// <summary>
    /// Version <paramref name="version"/> of <paramref name="name"/> (<c>GET /mlflow/model-versions/get</c>);
    /// <see cref="TrackingErrorKind.NotFound"/> naming the model and version when the server has neither.
    /// </summary>
    public async Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        var v = version.ToString(CultureInfo.InvariantCulture);
        var json = await Resolve($"registered model '{name}' version {v}",
            "mlflow/model-versions/get?name=" + Uri.EscapeDataString(name) + "&version=" + v, cancellationToken);
        return ReadVersion(json["model_version"], name);
    }

    /// <summary>The version <paramref name="alias"/> points at (<c>GET /mlflow/registered-models/alias</c>).</summary>
    public async Task<ModelVersion> GetModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        TrackingKeys.ValidateAlias(alias);
        // Some MLflow stores answer an unknown alias with INVALID_PARAMETER_VALUE rather than RESOURCE_DOES_NOT_EXIST.
        var json = await Resolve($"registered model '{name}' alias '{alias}'",
            "mlflow/registered-models/alias?name=" + Uri.EscapeDataString(name) + "&alias=" + Uri.EscapeDataString(alias), cancellationToken, orInvalid: true);
        return ReadVersion(json["model_version"], name);
    }

    /// <summary>
    /// The highest READY version of <paramref name="name"/>: the largest of the per-stage latest versions
    /// (<c>POST /mlflow/registered-models/get-latest-versions</c> without stages); NotFound when it has none.
    /// </summary>
    public async Task<ModelVersion> GetLatestModelVersionAsync(string name, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        JsonNode json;
        try
        {
            json = await SendAsync(HttpMethod.Post, "mlflow/registered-models/get-latest-versions", new JsonObject { ["name"] = name }, cancellationToken);
        }
        catch (TrackingException e) when (e.Kind == TrackingErrorKind.NotFound)
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"the server has no registered model '{name}' ({e.Message})", e);
        }
        var versions = json["model_versions"]?.AsArray().Select(v => ReadVersion(v, name)).ToList() ?? [];
        return versions.Count > 0
            ? versions.MaxBy(v => v.Version)!
            : throw new TrackingException(TrackingErrorKind.NotFound, $"registered model '{name}' has no READY version on the server");
    }

    /// <summary>The artifact root of run <paramref name="runId"/> (<c>GET /mlflow/runs/get</c>), e.g. <c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c>.</summary>
    public async Task<string> GetRunArtifactUriAsync(string runId, CancellationToken cancellationToken = default)
    {
        var json = await Resolve($"run '{runId}'", "mlflow/runs/get?run_id=" + Uri.EscapeDataString(runId), cancellationToken);
        return (string?)json["run"]?["info"]?["artifact_uri"] is { Length: > 0 } uri
            ? uri
            : throw new TrackingException(TrackingErrorKind.InvalidFormat, $"run '{runId}' has no artifact_uri") { Endpoint = "GET /api/2.0/mlflow/runs/get" };
    }

    /// <summary>A GET whose NotFound names <paramref name="what"/> first, then the endpoint and MLflow's message.</summary>
    private async Task<JsonNode> Resolve(string what, string endpoint, CancellationToken cancellationToken, bool orInvalid = false)
    {
        try
        {
            return await SendAsync(HttpMethod.Get, endpoint, null, cancellationToken);
        }
        catch (TrackingException e) when (e.Kind == TrackingErrorKind.NotFound || (orInvalid && e.Kind == TrackingErrorKind.InvalidArgument))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"the server has no {what} ({e.Message})", e);
        }
    }

    private static ModelVersion ReadVersion(JsonNode? mv, string name)
    {
        if (mv is null || !int.TryParse(mv["version"]?.ToString(), CultureInfo.InvariantCulture, out var version) || (string?)mv["source"] is not { } source)
        {
            throw new TrackingException(TrackingErrorKind.InvalidFormat, $"registered model '{name}': the server's model_version lacks a numeric version or a source: {mv?.ToJsonString() ?? "null"}");
        }
        return new ModelVersion((string?)mv["name"] ?? name, version, source, (string?)mv["run_id"] is { Length: > 0 } run ? run : null,
            Long(mv["creation_timestamp"]) ?? 0, (string?)mv["description"]);
    }
}

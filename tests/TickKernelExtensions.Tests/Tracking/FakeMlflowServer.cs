using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tests.Tracking;

/// <summary>
/// An MLflow tracking server on loopback that answers the REST API 2.0 calls the client makes, per the reference
/// (tracking-versioning.md §3): experiments get-by-name/create, runs create/update/log-batch (refusing batches over
/// MLflow's limits with 400 INVALID_PARAMETER_VALUE) and get, registered models, versions (create, get, latest),
/// aliases (set, get) and the mlflow-artifacts proxy (PUT, list with base names as MLflow's proxy answers, GET bytes).
/// Every request is recorded with its Authorization header. <see cref="FailNext"/> scripts error answers;
/// <see cref="FailDownloadsOf"/> breaks one artifact's downloads.
/// </summary>
internal sealed class FakeMlflowServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly Lock _gate = new();
    private readonly Queue<int> _failures = new();
    private readonly Dictionary<string, string> _experiments = new(StringComparer.Ordinal) { ["Default"] = "0" };
    private readonly Dictionary<string, List<JsonObject>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _aliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _runArtifacts = new(StringComparer.Ordinal);
    private int _nextExperiment = 1;
    private int _nextRun = 1;

    public FakeMlflowServer()
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener = new HttpListener();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The artifact root runs get (default <c>mlflow-artifacts:</c>, the proxy; <c>s3://bucket</c> plays a server started with --no-serve-artifacts).</summary>
    public string ArtifactRoot { get; set; } = "mlflow-artifacts:";

    public ConcurrentQueue<(string Method, string Path, string Body, string? Authorization)> Requests { get; } = new();

    /// <summary>Artifacts uploaded: path after /api/2.0/mlflow-artifacts/artifacts/ → bytes.</summary>
    public ConcurrentDictionary<string, byte[]> Artifacts { get; } = new(StringComparer.Ordinal);

    /// <summary>An artifact path (as in <see cref="Artifacts"/>) whose every download is answered 500, as a server losing its artifact store would.</summary>
    public string? FailDownloadsOf { get; set; }

    /// <summary>The next <paramref name="count"/> requests are answered with <paramref name="status"/>.</summary>
    public void FailNext(int status, int count)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _failures.Enqueue(status);
            }
        }
    }

    public IReadOnlyList<(string Method, string Path, string Body, string? Authorization)> To(string endpoint) =>
        Requests.Where(r => r.Path.Split('?')[0].EndsWith(endpoint, StringComparison.Ordinal)).ToList();

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            var request = context.Request;
            using var buffer = new MemoryStream();
            await request.InputStream.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            var path = request.Url!.AbsolutePath;
            var body = Encoding.UTF8.GetString(bytes);
            Requests.Enqueue((request.HttpMethod, request.Url.PathAndQuery, body, request.Headers["Authorization"]));
            (int Status, string Json) answer;
            byte[]? file = null;
            lock (_gate)
            {
                answer = _failures.Count > 0
                    ? (_failures.Dequeue(), "{\"error_code\":\"TEMPORARILY_UNAVAILABLE\",\"message\":\"scripted failure\"}")
                    : Download(request.HttpMethod, path, out file) ?? Answer(request.HttpMethod, path, request.QueryString, body, bytes);
            }
            var payload = file ?? Encoding.UTF8.GetBytes(answer.Json);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = file is null ? "application/json" : "application/octet-stream";
            await context.Response.OutputStream.WriteAsync(payload);
            context.Response.Close();
        }
    }

    /// <summary>GET /api/2.0/mlflow-artifacts/artifacts/&lt;path&gt;: the bytes, or null when the request is another one.</summary>
    private (int, string)? Download(string method, string path, out byte[]? file)
    {
        const string Prefix = "/api/2.0/mlflow-artifacts/artifacts/";
        file = null;
        if (method != "GET" || !path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var key = Uri.UnescapeDataString(path[Prefix.Length..]);
        if (key == FailDownloadsOf)
        {
            return Error(500, "INTERNAL_ERROR", $"could not read {key}");
        }
        if (!Artifacts.TryGetValue(key, out file))
        {
            return Error(404, "RESOURCE_DOES_NOT_EXIST", $"File {key} not found");
        }
        return (200, "");
    }

    /// <summary>GET /api/2.0/mlflow-artifacts/artifacts?path=…: the folder's direct entries, by base name.</summary>
    private (int, string) List(string? folder)
    {
        var prefix = string.IsNullOrEmpty(folder) ? "" : folder.Trim('/') + "/";
        var entries = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (key, value) in Artifacts)
        {
            if (!key.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }
            var rest = key[prefix.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            entries[slash < 0 ? rest : rest[..slash]] = slash < 0
                ? new JsonObject { ["path"] = rest, ["is_dir"] = false, ["file_size"] = value.Length }
                : new JsonObject { ["path"] = rest[..slash], ["is_dir"] = true };
        }
        // An empty repeated field is left out of MLflow's JSON: an empty folder answers {}.
        return (200, entries.Count == 0 ? "{}" : new JsonObject { ["files"] = new JsonArray([.. entries.Values]) }.ToJsonString());
    }

    private (int, string) Answer(string method, string path, System.Collections.Specialized.NameValueCollection query, string body, byte[] bytes)
    {
        const string Artifacts = "/api/2.0/mlflow-artifacts/artifacts/";
        if (method == "PUT" && path.StartsWith(Artifacts, StringComparison.Ordinal))
        {
            this.Artifacts[Uri.UnescapeDataString(path[Artifacts.Length..])] = bytes;
            return (200, "{}");
        }
        var experimentName = query["experiment_name"];
        var json = body.Length > 0 ? JsonNode.Parse(body)!.AsObject() : new JsonObject();
        switch (method, path)
        {
            case ("GET", "/api/2.0/mlflow/experiments/get-by-name"):
                return _experiments.TryGetValue(experimentName ?? "", out var id)
                    ? (200, new JsonObject { ["experiment"] = new JsonObject { ["experiment_id"] = id, ["name"] = experimentName, ["artifact_location"] = $"mlflow-artifacts:/{id}", ["lifecycle_stage"] = "active", ["creation_time"] = "1765068766881", ["last_update_time"] = 1765068766881 } }.ToJsonString())
                    : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Could not find experiment with name '{experimentName}'");
            case ("POST", "/api/2.0/mlflow/experiments/create"):
                var name = (string)json["name"]!;
                if (_experiments.ContainsKey(name))
                {
                    return Error(400, "RESOURCE_ALREADY_EXISTS", $"Experiment '{name}' already exists.");
                }
                _experiments[name] = (_nextExperiment++).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return (200, new JsonObject { ["experiment_id"] = _experiments[name] }.ToJsonString());
            case ("POST", "/api/2.0/mlflow/runs/create"):
                var runId = (_nextRun++).ToString("x32", System.Globalization.CultureInfo.InvariantCulture);
                var exp = (string)json["experiment_id"]!;
                _runArtifacts[runId] = $"{ArtifactRoot}/{exp}/{runId}/artifacts";
                return (200, new JsonObject
                {
                    ["run"] = new JsonObject
                    {
                        ["info"] = new JsonObject
                        {
                            ["run_id"] = runId, ["run_uuid"] = runId, ["experiment_id"] = exp, ["run_name"] = (string?)json["run_name"],
                            ["user_id"] = (string?)json["user_id"], ["status"] = "RUNNING", ["start_time"] = json["start_time"]?.ToString(),
                            ["artifact_uri"] = $"{ArtifactRoot}/{exp}/{runId}/artifacts", ["lifecycle_stage"] = "active",
                        },
                        ["data"] = new JsonObject(),
                    },
                }.ToJsonString());
            case ("POST", "/api/2.0/mlflow/runs/update"):
                return (200, new JsonObject { ["run_info"] = new JsonObject { ["run_id"] = (string?)json["run_id"], ["status"] = (string?)json["status"] } }.ToJsonString());
            case ("POST", "/api/2.0/mlflow/runs/log-batch"):
                int m = json["metrics"]?.AsArray().Count ?? 0, p = json["params"]?.AsArray().Count ?? 0, t = json["tags"]?.AsArray().Count ?? 0;
                return m > 1000 || p > 100 || t > 100 || m + p + t > 1000 || body.Length > 1_000_000
                    ? Error(400, "INVALID_PARAMETER_VALUE", $"A batch logging request can contain at most 1000 metrics, 100 params, 100 tags, 1000 in total; got {m}, {p}, {t}")
                    : (200, "{}");
            case ("GET", "/api/2.0/mlflow/runs/get"):
                return _runArtifacts.TryGetValue(query["run_id"] ?? "", out var artifactUri)
                    ? (200, new JsonObject { ["run"] = new JsonObject { ["info"] = new JsonObject { ["run_id"] = query["run_id"], ["artifact_uri"] = artifactUri } } }.ToJsonString())
                    : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Run '{query["run_id"]}' not found");
            case ("GET", "/api/2.0/mlflow-artifacts/artifacts"):
                return List(query["path"]);
            case ("POST", "/api/2.0/mlflow/registered-models/create"):
                var model = (string)json["name"]!;
                if (_versions.ContainsKey(model))
                {
                    return Error(400, "RESOURCE_ALREADY_EXISTS", $"Registered Model (name={model}) already exists.");
                }
                _versions[model] = [];
                return (200, new JsonObject { ["registered_model"] = new JsonObject { ["name"] = model } }.ToJsonString());
            case ("POST", "/api/2.0/mlflow/model-versions/create"):
                var rm = (string)json["name"]!;
                if (!_versions.TryGetValue(rm, out var list))
                {
                    return Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={rm} not found");
                }
                var created = new JsonObject
                {
                    ["name"] = rm, ["version"] = (list.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["creation_timestamp"] = 1765068766881, ["last_updated_timestamp"] = 1765068766881, ["current_stage"] = "None",
                    ["description"] = (string?)json["description"] ?? "", ["source"] = (string?)json["source"], ["run_id"] = (string?)json["run_id"] ?? "",
                    ["status"] = "READY",
                };
                list.Add(created);
                return (200, new JsonObject { ["model_version"] = created.DeepClone() }.ToJsonString());
            case ("GET", "/api/2.0/mlflow/model-versions/get"):
                return _versions.TryGetValue(query["name"] ?? "", out var all) && int.TryParse(query["version"], out var v) && v >= 1 && v <= all.Count
                    ? (200, new JsonObject { ["model_version"] = all[v - 1].DeepClone() }.ToJsonString())
                    : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Model Version (name={query["name"]}, version={query["version"]}) not found");
            case ("POST", "/api/2.0/mlflow/registered-models/get-latest-versions"):
                // One latest version per stage; every version here is in stage "None".
                return _versions.TryGetValue((string?)json["name"] ?? "", out var versions)
                    ? (200, versions.Count == 0 ? "{}" : new JsonObject { ["model_versions"] = new JsonArray(versions[^1].DeepClone()) }.ToJsonString())
                    : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered Model with name={json["name"]} not found");
            case ("POST", "/api/2.0/mlflow/registered-models/alias"):
                _aliases[$"{json["name"]}/{json["alias"]}"] = int.Parse((string)json["version"]!, System.Globalization.CultureInfo.InvariantCulture);
                return (200, "{}");
            case ("GET", "/api/2.0/mlflow/registered-models/alias"):
                return _aliases.TryGetValue($"{query["name"]}/{query["alias"]}", out var aliased) && _versions.TryGetValue(query["name"]!, out var named)
                    ? (200, new JsonObject { ["model_version"] = named[aliased - 1].DeepClone() }.ToJsonString())
                    : Error(404, "RESOURCE_DOES_NOT_EXIST", $"Registered model alias {query["alias"]} not found.");
            default:
                return Error(404, "ENDPOINT_NOT_FOUND", $"No API endpoint for {method} {path}");
        }
    }

    private static (int, string) Error(int status, string code, string message) =>
        (status, new JsonObject { ["error_code"] = code, ["message"] = message }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

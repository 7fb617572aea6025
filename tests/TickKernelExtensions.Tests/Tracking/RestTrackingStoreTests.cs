using System.Text;
using System.Text.Json.Nodes;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

/// <summary>The REST client against a loopback MLflow server that answers per the reference (§3).</summary>
public sealed class RestTrackingStoreTests
{
    private static RestTrackingStore Client(FakeMlflowServer server, Func<RestTrackingOptions, RestTrackingOptions>? configure = null)
    {
        var options = new RestTrackingOptions { TrackingUri = server.Url, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) };
        return new RestTrackingStore(configure is null ? options : configure(options));
    }

    [Fact]
    public async Task LogBatch_2500Metrics_ThreeRequestsWithinLimits()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        var metrics = Enumerable.Range(0, 2500).Select(i => new Metric("equity", i * 0.5, 1765068767915 + i, i)).ToList();

        await store.LogBatchAsync("0123456789abcdef0123456789abcdef", metrics, [new Param("lr", "0.1")], [new RunTag("k", "v")], cancellationToken: TestContext.Current.CancellationToken);

        var batches = server.To("/runs/log-batch").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(3, batches.Count);
        // The param and the tag take two of the first request's 1000 entities.
        Assert.Equal([998, 1000, 502], batches.Select(b => b["metrics"]!.AsArray().Count));
        Assert.All(batches, b => Assert.Equal("0123456789abcdef0123456789abcdef", (string)b["run_id"]!));
        Assert.Equal("lr", (string)batches[0]["params"]![0]!["key"]!);
        Assert.Equal("{\"key\":\"equity\",\"value\":0,\"timestamp\":1765068767915,\"step\":0}", batches[0]["metrics"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task LogBatch_NaNAndInfinity_SentAsProtobufJsonStrings()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server);

        await store.LogBatchAsync("0123456789abcdef0123456789abcdef", [new Metric("a", double.NaN, 1), new Metric("b", double.NegativeInfinity, 1)], [], [], cancellationToken: TestContext.Current.CancellationToken);

        var body = JsonNode.Parse(Assert.Single(server.To("/runs/log-batch")).Body)!;
        Assert.Equal("NaN", (string)body["metrics"]![0]!["value"]!);
        Assert.Equal("-Infinity", (string)body["metrics"]![1]!["value"]!);
    }

    [Fact]
    public async Task Auth_TokenOrBasic_HeaderOnEveryRequestTokenWins()
    {
        await using var server = new FakeMlflowServer();
        using (var bearer = Client(server, o => o with { Token = "s3cret-token", Username = "u", Password = "p" }))
        {
            await bearer.GetExperimentByNameAsync("Default", cancellationToken: TestContext.Current.CancellationToken);
        }
        using (var basic = Client(server, o => o with { Username = "alice", Password = "pa:ss" }))
        {
            await basic.GetExperimentByNameAsync("Default", cancellationToken: TestContext.Current.CancellationToken);
        }
        using (var none = Client(server))
        {
            await none.GetExperimentByNameAsync("Default", cancellationToken: TestContext.Current.CancellationToken);
        }

        var headers = server.Requests.Select(r => r.Authorization).ToList();
        Assert.Equal(["Bearer s3cret-token", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:pa:ss")), null], headers);
        Assert.DoesNotContain("s3cret", new RestTrackingOptions { TrackingUri = server.Url, Token = "s3cret-token" }.ToString(), StringComparison.Ordinal);
        Assert.Equal("https://mlflow.example:5000/prefix", new RestTrackingOptions { TrackingUri = new Uri("https://bob:s3cret@mlflow.example:5000/prefix/") }.DisplayUri);
    }

    [Fact]
    public async Task Send_503Twice_RetriedThenSucceeds()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        server.FailNext(503, 2);

        var id = await store.CreateExperimentAsync("wf", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("1", id);
        Assert.Equal(3, server.To("/experiments/create").Count);
    }

    [Fact]
    public async Task Send_503PastMaxAttempts_ErrorNamesEndpointStatusAndCode()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server, o => o with { MaxAttempts = 3 });
        server.FailNext(503, 5);

        var e = await Assert.ThrowsAsync<TrackingException>(() => store.UpdateRunAsync("0123456789abcdef0123456789abcdef", RunStatus.Finished, 5, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TrackingErrorKind.Server, e.Kind);
        Assert.Equal(503, e.StatusCode);
        Assert.Equal("TEMPORARILY_UNAVAILABLE", e.ErrorCode);
        Assert.StartsWith("POST /api/2.0/mlflow/runs/update -> HTTP 503 TEMPORARILY_UNAVAILABLE: scripted failure", e.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.To("/runs/update").Count);
    }

    [Fact]
    public async Task Errors_NotFoundAndMissingExperiment_KindsFromErrorCode()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server);

        var missing = await store.GetExperimentByNameAsync("nope", cancellationToken: TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<TrackingException>(() => store.CreateModelVersionAsync("nope", "runs:/x/model", null, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Null(missing);
        Assert.Equal(TrackingErrorKind.NotFound, e.Kind);
        Assert.Contains("POST /api/2.0/mlflow/model-versions/create -> HTTP 404 RESOURCE_DOES_NOT_EXIST", e.Message, StringComparison.Ordinal);
        Assert.Single(server.To("/model-versions/create"));
    }

    [Fact]
    public async Task RunLifecycle_CreateArtifactRegistry_RequestsPerReference()
    {
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        using var dir = new TempDirectory();
        var file = dir.Combine("equity.csv");
        await File.WriteAllTextAsync(file, "step,value\n", cancellationToken: TestContext.Current.CancellationToken);

        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = "0", RunName = "r1", UserId = "u", StartTime = 1765068767492, Tags = [new RunTag("mlflow.runName", "r1")] }, cancellationToken: TestContext.Current.CancellationToken);
        await store.LogArtifactAsync(run, file, "series", cancellationToken: TestContext.Current.CancellationToken);
        await store.UpdateRunAsync(run.RunId, RunStatus.Finished, 1765068783668, cancellationToken: TestContext.Current.CancellationToken);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: TestContext.Current.CancellationToken);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: TestContext.Current.CancellationToken);
        var version = await store.CreateModelVersionAsync("tick-model", $"runs:/{run.RunId}/model", run.RunId, cancellationToken: TestContext.Current.CancellationToken);
        await store.SetAliasAsync("tick-model", "champion", version.Version, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("{\"experiment_id\":\"0\",\"user_id\":\"u\",\"run_name\":\"r1\",\"start_time\":1765068767492,\"tags\":[{\"key\":\"mlflow.runName\",\"value\":\"r1\"}]}", Assert.Single(server.To("/runs/create")).Body);
        Assert.Equal("step,value\n", Encoding.UTF8.GetString(server.Artifacts[$"0/{run.RunId}/artifacts/series/equity.csv"]));
        Assert.Equal($"{{\"run_id\":\"{run.RunId}\",\"status\":\"FINISHED\",\"end_time\":1765068783668}}", Assert.Single(server.To("/runs/update")).Body);
        Assert.Equal(1, version.Version);
        Assert.Equal("{\"name\":\"tick-model\",\"alias\":\"champion\",\"version\":\"1\"}", Assert.Single(server.To("/registered-models/alias")).Body);
    }

    [Fact]
    public async Task Send_NothingListening_RetriedThenServerErrorNamingEndpoint()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var store = new RestTrackingStore(new RestTrackingOptions { TrackingUri = new Uri($"http://127.0.0.1:{port}"), MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        var e = await Assert.ThrowsAsync<TrackingException>(() => store.CreateExperimentAsync("wf", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TrackingErrorKind.Server, e.Kind);
        Assert.Null(e.StatusCode);
        Assert.StartsWith("POST /api/2.0/mlflow/experiments/create: no answer after 2 attempt(s)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_EveryProblemNamed()
    {
        var e = Assert.Throws<TrackingException>(() => new RestTrackingOptions { TrackingUri = new Uri("ftp://x/"), MaxAttempts = 0, Username = "u" }.Validate());

        Assert.Contains("TrackingUri", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts", e.Message, StringComparison.Ordinal);
        Assert.Contains("Username/Password", e.Message, StringComparison.Ordinal);
    }
}

using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Scripts.Commands;
using TickKernelExtensions.Tests.Tracking;
using TickKernelExtensions.Tracking;
using TempDirectory = Pipeline.Scripts.Tests.TempDirectory;

namespace Pipeline.Scripts.Tests.Commands;

public sealed class MlflowCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A local mlruns/ with two finished runs (one with an artifact), one still running, and a model with an alias.</summary>
    private static async Task<(string Root, string[] RunIds)> LocalStoreAsync(TempDirectory dir)
    {
        var root = dir.Combine("data", "mlruns");
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(1765068767492));
        using var client = TrackingClient.Create(new TrackingClientOptions
        {
            TrackingUri = root,
            TimeProvider = time,
            UserName = "valen",
        });
        var ids = new List<string>();
        for (var fold = 1; fold <= 2; fold++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var run = await client.StartRunAsync("walk-forward", $"fold-{fold}", cancellationToken: Ct);
            run.LogParam("fold", fold.ToString(System.Globalization.CultureInfo.InvariantCulture));
            for (var step = 0; step < 3; step++)
            {
                run.LogMetric("sharpe", 1.0 + step, step);
            }
            if (fold == 1)
            {
                await run.LogSeriesAsync("equity", [100, 101, 102], Ct);
            }
            await run.EndAsync(cancellationToken: Ct);
            ids.Add(run.RunId);
        }
        var running = await client.StartRunAsync("walk-forward", "fold-3", cancellationToken: Ct);
        ids.Add(running.RunId);
        await client.RegisterModelAsync("tick-model", $"runs:/{ids[0]}/model", ids[0], ["champion"], Ct);
        return (root, [.. ids]);
    }

    [Fact]
    public async Task Sync_LocalStore_ReplayedToServerSecondSyncSendsNothing()
    {
        using var dir = new TempDirectory();
        var (root, ids) = await LocalStoreAsync(dir);
        await using var server = new FakeMlflowServer();

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("mlflow", "sync", "--from", root, "--to", server.Url.ToString());
        var sent = server.Requests.Count;
        var (again, againOutput, againError) = await CliRunner.RunWithOutputAsync("mlflow", "sync", "--from", root, "--to", server.Url.ToString());

        Assert.True(exit == 0, error);
        Assert.Contains($"run {ids[0]} (fold-1) in 'walk-forward' -> 00000000000000000000000000000001", output, StringComparison.Ordinal);
        Assert.Contains($"run {ids[2]} (fold-3): still running, not synced", output, StringComparison.Ordinal);
        Assert.Contains("model tick-model alias champion -> version 1", output, StringComparison.Ordinal);
        Assert.EndsWith("synced 2 run(s), 0 already on the server, 1 still running; 1 model version(s), 1 alias(es)\n", output, StringComparison.Ordinal);
        var creates = server.To("/runs/create").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.Equal(["fold-1", "fold-2"], creates.Select(c => (string)c["run_name"]!));
        Assert.All(creates, c => Assert.Equal("1", (string)c["experiment_id"]!));
        var batch = JsonNode.Parse(server.To("/runs/log-batch")[0].Body)!;
        Assert.Equal("{\"key\":\"fold\",\"value\":\"1\"}", Assert.Single(batch["params"]!.AsArray())!.ToJsonString());
        Assert.Equal(4, batch["metrics"]!.AsArray().Count);
        Assert.Contains(batch["tags"]!.AsArray(), t => (string)t!["key"]! == MlflowSync.SourceRunTag && (string)t["value"]! == ids[0]);
        Assert.Contains(batch["tags"]!.AsArray(), t => (string)t!["key"]! == "mlflow.user" && (string)t["value"]! == "valen");
        Assert.Equal("step,value\n0,100\n1,101\n2,102\n", System.Text.Encoding.UTF8.GetString(server.Artifacts["1/00000000000000000000000000000001/artifacts/series/equity.csv"]));
        Assert.All(server.To("/runs/update"), u => Assert.Equal("FINISHED", (string)JsonNode.Parse(u.Body)!["status"]!));
        // runs:/<local run>/model becomes the server run's artifact location, as register_model would have written it.
        Assert.Equal("mlflow-artifacts:/1/00000000000000000000000000000001/artifacts/model", (string)JsonNode.Parse(Assert.Single(server.To("/model-versions/create")).Body)!["source"]!);
        Assert.True(File.Exists(dir.Combine("data", "mlflow-sync.json")));

        Assert.True(again == 0, againError);
        Assert.Equal(sent, server.Requests.Count);
        Assert.EndsWith("synced 0 run(s), 2 already on the server, 1 still running; 0 model version(s), 0 alias(es)\n", againOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ServerFails_ExitTwoNamingEndpointAndCode()
    {
        using var dir = new TempDirectory();
        var (root, _) = await LocalStoreAsync(dir);
        await using var server = new FakeMlflowServer();
        server.FailNext(500, 100);

        var (exit, error) = await CliRunner.RunAsync("mlflow", "sync", "--from", root, "--to", server.Url.ToString(), "--max-attempts", "2");

        Assert.Equal(2, exit);
        Assert.StartsWith("error (Server): GET /api/2.0/mlflow/experiments/get-by-name -> HTTP 500 TEMPORARILY_UNAVAILABLE", error, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Sync_ServerArtifactRootOnS3_RunsSyncedArtifactsReported()
    {
        using var dir = new TempDirectory();
        var (root, ids) = await LocalStoreAsync(dir);
        await using var server = new FakeMlflowServer { ArtifactRoot = "s3://bucket" };

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("mlflow", "sync", "--from", root, "--to", server.Url.ToString());

        Assert.True(exit == 0, error);
        Assert.Contains($"run {ids[0]}: artifacts not sent: ", output, StringComparison.Ordinal);
        Assert.Contains("artifact root 's3://bucket/1/00000000000000000000000000000001/artifacts' is neither mlflow-artifacts:", output, StringComparison.Ordinal);
        Assert.Equal(2, server.To("/runs/update").Count);
        Assert.Empty(server.Artifacts);
    }

    [Fact]
    public async Task Sync_NoServerUri_ExitThree()
    {
        using var dir = new TempDirectory();
        var previous = MlflowCommand.Environment;
        MlflowCommand.Environment = () => new Hashtable { ["MLFLOW_TRACKING_URI"] = "file:///tmp/mlruns" };
        try
        {
            var (exit, error) = await CliRunner.RunAsync("mlflow", "sync", "--from", dir.Combine("missing"));

            Assert.Equal(3, exit);
            Assert.Contains("--from: the folder", error, StringComparison.Ordinal);
            Assert.Contains("--to: expected an http(s) tracking server URI", error, StringComparison.Ordinal);
        }
        finally
        {
            MlflowCommand.Environment = previous;
        }
    }
}

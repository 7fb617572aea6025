using System.Collections;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Pipeline.Scripts.Commands;
using TickKernelExtensions.Modeling.Export;
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

    /// <summary>A bundle logged and registered in a local mlruns/ as pipeline train does (alias champion), then synced to <paramref name="server"/> by the CLI; returns its content hash.</summary>
    private static async Task<string> TrainedAndSyncedAsync(TempDirectory dir, FakeMlflowServer server)
    {
        using var bundles = new Serving.Host.Tests.TestBundles { Root = dir.Combine("data", "models") };
        var bundle = bundles.Bundle("1");
        var root = dir.Combine("data", "mlruns");
        using (var client = TrackingClient.Create(new TrackingClientOptions { TrackingUri = root, UserName = "valen" }))
        {
            await using var run = await client.StartRunAsync("direction", "train", cancellationToken: Ct);
            await ModelBundleTracking.LogAsync(client, run, bundle, "eurusd-direction", ["champion"], Ct);
        }
        var (exit, error) = await CliRunner.RunAsync("mlflow", "sync", "--from", root, "--to", server.Url.ToString());
        Assert.True(exit == 0, error);
        using var loaded = ModelBundle.Load(bundle);
        return loaded.ContentHash;
    }

    [Fact]
    public async Task Download_SyncedBundleByAlias_VerifiedFolderServeCanLoad()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        var hash = await TrainedAndSyncedAsync(dir, server);
        var target = dir.Combine("box", "eurusd-direction");

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("mlflow", "download", "--tracking-uri", server.Url.ToString(),
            "--model", "eurusd-direction", "--alias", "champion", "--to", target);

        Assert.True(exit == 0, error);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.StartsWith($"download 'eurusd-direction' alias 'champion' from {server.Url.ToString().TrimEnd('/')} -> {target}", lines[0], StringComparison.Ordinal);
        Assert.Equal("model 'eurusd-direction' version 1: 8 file(s) from mlflow-artifacts:/1/00000000000000000000000000000001/artifacts/model", lines[1]);
        Assert.Contains("  model.zip (", output, StringComparison.Ordinal);
        using var copy = ModelBundle.Load(target);
        Assert.StartsWith($"verified bundle eurusd-direction v1 (content sha256 {hash}), 8 file(s), ", lines[^1], StringComparison.Ordinal);
        Assert.Equal(hash, copy.ContentHash);
        Assert.Equal(["eurusd-direction"], Directory.EnumerateFileSystemEntries(dir.Combine("box")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Download_UnknownVersionCorruptedOrBadOptions_ClearErrorNoFolder()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        await TrainedAndSyncedAsync(dir, server);
        var target = dir.Combine("box", "bundle");
        var url = server.Url.ToString();

        var (unknown, unknownError) = await CliRunner.RunAsync("mlflow", "download", "--tracking-uri", url, "--model", "eurusd-direction", "--version", "9", "--to", target);
        var (missing, missingError) = await CliRunner.RunAsync("mlflow", "download", "--tracking-uri", url, "--model", "nope", "--to", target);
        var key = server.Artifacts.Keys.Single(k => k.EndsWith("/model/signature.json", StringComparison.Ordinal));
        var bytes = server.Artifacts[key].ToArray();
        bytes[^2] ^= 0x01;
        server.Artifacts[key] = bytes;
        var (corrupt, corruptError) = await CliRunner.RunAsync("mlflow", "download", "--tracking-uri", url, "--model", "eurusd-direction", "--to", target);
        var (bad, badError) = await CliRunner.RunAsync("mlflow", "download", "--tracking-uri", url, "--model", "eurusd-direction", "--version", "two", "--alias", "champion", "--to", target);

        Assert.Equal(2, unknown);
        Assert.StartsWith("error (NotFound): the server has no registered model 'eurusd-direction' version 9 (GET /api/2.0/mlflow/model-versions/get -> HTTP 404", unknownError, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.StartsWith("error (NotFound): the server has no registered model 'nope' (", missingError, StringComparison.Ordinal);
        Assert.Equal(2, corrupt);
        Assert.StartsWith("error (HashMismatch): signature.json: A bundle file differs from the manifest", corruptError, StringComparison.Ordinal);
        Assert.Equal(3, bad);
        Assert.Contains("--version: expected a version number or latest, actual 'two'", badError, StringComparison.Ordinal);
        Assert.Contains("--version/--alias: give one or neither", badError, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("box")) && Directory.EnumerateFileSystemEntries(dir.Combine("box")).Any());
    }
}

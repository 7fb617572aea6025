using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Modeling.Export;

public sealed class ModelBundleTrackingTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    [Fact]
    public async Task LogAsync_FileStore_BundleUnderModelArtifactsLoadableAndRegisteredWithAlias()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Combine("models")));
        using var client = TrackingClient.Create(new TrackingClientOptions
        {
            TrackingUri = temp.Combine("mlruns"),
            TimeProvider = new FakeTimeProvider(BundleTestModels.Created),
            UserName = "tester",
        });
        var store = (FileTrackingStore)client.Store;

        ModelVersion? version;
        string runId, artifactUri;
        await using (var run = await client.StartRunAsync("direction", "train-1", cancellationToken: ct))
        {
            (runId, artifactUri) = (run.RunId, run.Info.ArtifactUri);
            version = await ModelBundleTracking.LogAsync(client, run, info.Folder, "eurusd-direction", ["champion"], ct);
        }

        var artifacts = Path.Combine(store.ArtifactFolder(runId), "model");
        foreach (var file in Directory.EnumerateFiles(info.Folder))
        {
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(artifacts, Path.GetFileName(file))));
        }
        using (var logged = ModelBundle.Load(artifacts))
        {
            Assert.Equal(info.ContentHash, logged.ContentHash);
        }
        Assert.NotNull(version);
        // The source is the artifact location, as MLflow's register_model resolves runs:/<run>/model.
        Assert.Equal((1, artifactUri + "/model", runId), (version.Version, version.Source, version.RunId));
        Assert.Equal(artifacts, new Uri(version.Source).LocalPath);
        var registered = Assert.Single(store.ListRegisteredModels());
        Assert.Equal(1, registered.Aliases["champion"]);
        Assert.Contains(info.ContentHash, registered.Versions[0].Description, StringComparison.Ordinal);

        var tags = Path.Combine(store.ArtifactFolder(runId), "..", "tags");
        Assert.Equal(info.ContentHash, File.ReadAllText(Path.Combine(tags, "tick.model.content_sha256")));
        using var history = JsonDocument.Parse(File.ReadAllText(Path.Combine(tags, "mlflow.log-model.history")));
        var entry = Assert.Single(history.RootElement.EnumerateArray());
        Assert.Equal(["run_id", "artifact_path", "utc_time_created", "flavors", "model_uuid"], entry.EnumerateObject().Select(p => p.Name));
        Assert.Equal((runId, "model", "2026-12-02 06:30:00.123456", info.ContentHash[..32]),
            (entry.GetProperty("run_id").GetString(), entry.GetProperty("artifact_path").GetString(),
             entry.GetProperty("utc_time_created").GetString(), entry.GetProperty("model_uuid").GetString()));
        Assert.Equal("model.zip", entry.GetProperty("flavors").GetProperty("mlnet").GetProperty("data").GetString());
    }

    [Fact]
    public async Task LogAsync_TamperedBundle_ThrowsBeforeLoggingAnything()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempDirectory();
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Combine("models")));
        File.AppendAllText(Path.Combine(info.Folder, "datasets.json"), " ");
        using var client = TrackingClient.Create(new TrackingClientOptions { TrackingUri = temp.Combine("mlruns"), UserName = "tester" });
        var store = (FileTrackingStore)client.Store;
        await using var run = await client.StartRunAsync("direction", cancellationToken: ct);

        var e = await Assert.ThrowsAsync<ModelBundleException>(() => ModelBundleTracking.LogAsync(client, run, info.Folder, "eurusd-direction", cancellationToken: ct));

        Assert.Equal((ModelBundleErrorKind.HashMismatch, "datasets.json"), (e.Kind, e.File));
        Assert.False(Directory.Exists(Path.Combine(store.ArtifactFolder(run.RunId), "model")));
        Assert.Empty(store.ListRegisteredModels());
    }
}

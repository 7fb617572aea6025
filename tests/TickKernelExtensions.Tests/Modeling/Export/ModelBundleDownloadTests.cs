using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Tests.Tracking;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Modeling.Export;

/// <summary>Train-side logging → <c>mlflow sync</c> → registry download on another "machine", against the loopback MLflow server.</summary>
public sealed class ModelBundleDownloadTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A bundle logged to a local mlruns/ as the training job does (registered, alias champion) and synced to <paramref name="server"/>.</summary>
    private async Task<(string Bundle, RestTrackingStore Store)> TrainAndSyncAsync(TempDirectory temp, FakeMlflowServer server)
    {
        var info = ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Combine("models")));
        var root = temp.Combine("mlruns");
        using (var client = TrackingClient.Create(new TrackingClientOptions { TrackingUri = root, TimeProvider = new FakeTimeProvider(BundleTestModels.Created), UserName = "tester" }))
        {
            await using var run = await client.StartRunAsync("direction", "train-1", cancellationToken: Ct);
            await ModelBundleTracking.LogAsync(client, run, info.Folder, "eurusd-direction", ["champion"], Ct);
        }
        var store = new RestTrackingStore(new RestTrackingOptions { TrackingUri = server.Url, MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(1), MaxBackoff = TimeSpan.FromMilliseconds(5) });
        await MlflowSync.SyncAsync(FileTrackingStore.Open(root), store, temp.Combine("mlflow-sync.json"), server.Url.ToString(), cancellationToken: Ct);
        return (info.Folder, store);
    }

    [Fact]
    public async Task DownloadAsync_AfterSync_BundleLoadsAndScoresIdentically()
    {
        using var temp = new TempDirectory();
        await using var server = new FakeMlflowServer();
        var (bundle, store) = await TrainAndSyncAsync(temp, server);
        using var _ = store;
        var target = temp.Combine("deploy", "eurusd-direction", "1");

        var downloaded = await ModelBundleDownload.DownloadAsync(store, new ModelDownloadOptions { Name = "eurusd-direction", Alias = "champion", TargetFolder = target }, cancellationToken: Ct);

        // The synced version points at the server run's artifacts, where register_model would have pointed it.
        Assert.Equal("mlflow-artifacts:/1/00000000000000000000000000000001/artifacts/model", downloaded.Download.Version.Source);
        Assert.Equal(downloaded.Download.Version.Source, downloaded.Download.Location);
        using var original = ModelBundle.Load(bundle);
        using var copy = ModelBundle.Load(target);
        Assert.Equal((original.ContentHash, "eurusd-direction", "1"), (downloaded.ContentHash, downloaded.BundleName, downloaded.BundleVersion));
        Assert.Equal(original.ContentHash, copy.ContentHash);
        foreach (var file in Directory.EnumerateFiles(bundle))
        {
            Assert.Equal(await File.ReadAllBytesAsync(file, Ct), await File.ReadAllBytesAsync(Path.Combine(target, Path.GetFileName(file)), Ct));
        }
        foreach (var row in BundleTestModels.Rows(50, seed: 7))
        {
            var (a, b) = (original.Score(row.Features), copy.Score(row.Features));
            Assert.Equal((a.Score, a.Probability), (b.Score, b.Probability));
        }
    }

    [Fact]
    public async Task DownloadAsync_CorruptedArtifact_HashMismatchNamingFileNoFolderLeft()
    {
        using var temp = new TempDirectory();
        await using var server = new FakeMlflowServer();
        var (_, store) = await TrainAndSyncAsync(temp, server);
        using var _ = store;
        var key = server.Artifacts.Keys.Single(k => k.EndsWith("/artifacts/model/model.zip", StringComparison.Ordinal));
        var bytes = server.Artifacts[key].ToArray();
        bytes[bytes.Length / 2] ^= 0xFF;
        server.Artifacts[key] = bytes;

        var e = await Assert.ThrowsAsync<ModelBundleException>(() => ModelBundleDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "eurusd-direction", Version = 1, TargetFolder = temp.Combine("deploy", "bundle") }, cancellationToken: Ct));

        Assert.Equal((ModelBundleErrorKind.HashMismatch, "model.zip"), (e.Kind, e.File));
        Assert.StartsWith("model.zip: ", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(temp.Combine("deploy")));
    }
}

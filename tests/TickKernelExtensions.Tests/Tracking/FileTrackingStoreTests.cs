using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

/// <summary>The mlruns/ layout, field by field against the MLflow 3.7.0 tree quoted in tracking-versioning.md §1.</summary>
public sealed class FileTrackingStoreTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1765068766881));

    private FileTrackingStore Open(TempDirectory dir) =>
        FileTrackingStore.Open(dir.Combine("mlruns"), new FileTrackingStoreOptions { TimeProvider = _time, Random = new Random(42) });

    private static string Uri(string path) => new Uri(path).AbsoluteUri;

    [Fact]
    public void Open_FreshRoot_DefaultExperimentMetaExactAndTrash()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);

        Assert.True(Directory.Exists(dir.Combine("mlruns", ".trash")));
        Assert.Equal(
            $"artifact_location: {Uri(dir.Combine("mlruns", "0"))}\n" +
            "creation_time: 1765068766881\nexperiment_id: '0'\nlast_update_time: 1765068766881\nlifecycle_stage: active\nname: Default\n",
            File.ReadAllText(dir.Combine("mlruns", "0", "meta.yaml")));
        Assert.Equal("Default", Assert.Single(store.ListExperiments()).Name);
    }

    [Fact]
    public async Task CreateExperiment_LargeIntegerIdQuoted_NameTakenIsConflict()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        _time.Advance(TimeSpan.FromMilliseconds(54));

        var id = await store.CreateExperimentAsync("wine_quality_experiment", cancellationToken: TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TrackingException>(() => store.CreateExperimentAsync("wine_quality_experiment", cancellationToken: TestContext.Current.CancellationToken));

        Assert.Matches("^[1-9][0-9]{17}$", id);
        Assert.Equal(
            $"artifact_location: {Uri(dir.Combine("mlruns", id))}\n" +
            $"creation_time: 1765068766935\nexperiment_id: '{id}'\nlast_update_time: 1765068766935\nlifecycle_stage: active\nname: wine_quality_experiment\n",
            File.ReadAllText(dir.Combine("mlruns", id, "meta.yaml")));
        Assert.Equal(TrackingErrorKind.Conflict, error.Kind);
        Assert.Equal(id, (await store.GetExperimentByNameAsync("wine_quality_experiment", cancellationToken: TestContext.Current.CancellationToken))!.ExperimentId);
    }

    [Fact]
    public async Task Run_CreateLogEnd_MetaParamsTagsMetricsAsMlflowWritesThem()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        var exp = await store.CreateExperimentAsync("wine_quality_experiment", cancellationToken: TestContext.Current.CancellationToken);

        var run = await store.CreateRunAsync(new RunCreation
        {
            ExperimentId = exp, RunName = "elasticnet_04011cf0", UserId = "valen", StartTime = 1765068767492,
            Tags = [new RunTag("mlflow.runName", "elasticnet_04011cf0"), new RunTag("mlflow.source.type", "LOCAL")],
        }, cancellationToken: TestContext.Current.CancellationToken);
        await store.LogBatchAsync(run.RunId,
            [new Metric("test_mae", 0.6453803508338732, 1765068767915), new Metric("test_mae", 0.6453803508338732, 1765068767915), new Metric("train/loss", 3, 1765068767916, 7), new Metric("odd", double.NaN, 1765068767917)],
            [new Param("alpha", "0.5"), new Param("file_path", "data/winequality-red.csv")],
            [new RunTag("mlflow.source.git.commit", "fde5365f7912e80208466c6a3fbaeadaeaffbcfd")], cancellationToken: TestContext.Current.CancellationToken);
        await store.UpdateRunAsync(run.RunId, RunStatus.Finished, 1765068783668, cancellationToken: TestContext.Current.CancellationToken);

        var folder = dir.Combine("mlruns", exp, run.RunId);
        Assert.Matches("^[0-9a-f]{32}$", run.RunId);
        Assert.Equal(
            $"artifact_uri: {Uri(Path.Combine(folder, "artifacts"))}\n" +
            $"end_time: 1765068783668\nentry_point_name: ''\nexperiment_id: '{exp}'\nlifecycle_stage: active\n" +
            $"run_id: {run.RunId}\nrun_name: elasticnet_04011cf0\nrun_uuid: {run.RunId}\n" +
            "source_name: ''\nsource_type: 4\nsource_version: ''\nstart_time: 1765068767492\nstatus: 3\ntags: []\nuser_id: valen\n",
            File.ReadAllText(Path.Combine(folder, "meta.yaml")));
        Assert.Equal("0.5", File.ReadAllText(Path.Combine(folder, "params", "alpha")));
        Assert.Equal("data/winequality-red.csv", File.ReadAllText(Path.Combine(folder, "params", "file_path")));
        Assert.Equal("elasticnet_04011cf0", File.ReadAllText(Path.Combine(folder, "tags", "mlflow.runName")));
        Assert.Equal("LOCAL", File.ReadAllText(Path.Combine(folder, "tags", "mlflow.source.type")));
        Assert.Equal("fde5365f7912e80208466c6a3fbaeadaeaffbcfd", File.ReadAllText(Path.Combine(folder, "tags", "mlflow.source.git.commit")));
        Assert.Equal("1765068767915 0.6453803508338732 0\n1765068767915 0.6453803508338732 0\n", File.ReadAllText(Path.Combine(folder, "metrics", "test_mae")));
        Assert.Equal("1765068767916 3.0 7\n", File.ReadAllText(Path.Combine(folder, "metrics", "train", "loss")));
        Assert.Equal("1765068767917 nan 0\n", File.ReadAllText(Path.Combine(folder, "metrics", "odd")));
        Assert.True(Directory.Exists(Path.Combine(folder, "artifacts")));
        Assert.Empty(Directory.EnumerateFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task ReadRun_AfterLogging_RoundTripsEveryValue()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        var exp = await store.CreateExperimentAsync("e", cancellationToken: TestContext.Current.CancellationToken);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = exp, RunName = "r", StartTime = 5 }, cancellationToken: TestContext.Current.CancellationToken);
        await store.LogBatchAsync(run.RunId, [new Metric("train/loss", 0.25, 10, 1), new Metric("train/loss", double.PositiveInfinity, 11, 2)], [new Param("lr", "0.1")], [new RunTag("k", "v")], cancellationToken: TestContext.Current.CancellationToken);

        var read = store.ReadRun(run.RunId);

        Assert.Equal(RunStatus.Running, read.Info.Status);
        Assert.Null(read.Info.EndTime);
        Assert.Equal([new Param("lr", "0.1")], read.Params);
        Assert.Equal([new RunTag("k", "v")], read.Tags);
        Assert.Equal([new Metric("train/loss", 0.25, 10, 1), new Metric("train/loss", double.PositiveInfinity, 11, 2)], read.Metrics);
        Assert.Equal(run.RunId, Assert.Single(store.ListRuns(exp)).RunId);
    }

    [Fact]
    public async Task LogBatch_ParamRelogged_SameValueAcceptedOtherValueConflict()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = "0", RunName = "r", StartTime = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        await store.LogBatchAsync(run.RunId, [], [new Param("lr", "0.1")], [], cancellationToken: TestContext.Current.CancellationToken);

        await store.LogBatchAsync(run.RunId, [], [new Param("lr", "0.1")], [], cancellationToken: TestContext.Current.CancellationToken);
        var error = await Assert.ThrowsAsync<TrackingException>(() => store.LogBatchAsync(run.RunId, [], [new Param("lr", "0.2")], [], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(TrackingErrorKind.Conflict, error.Kind);
        Assert.Contains("'0.1'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registry_VersionsAndAlias_FilesAsModelRegistryFileStore()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = "0", RunName = "r", StartTime = 1 }, cancellationToken: TestContext.Current.CancellationToken);

        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: TestContext.Current.CancellationToken);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: TestContext.Current.CancellationToken);
        await store.CreateModelVersionAsync("tick-model", $"runs:/{run.RunId}/model", run.RunId, cancellationToken: TestContext.Current.CancellationToken);
        _time.Advance(TimeSpan.FromMilliseconds(10));
        var v2 = await store.CreateModelVersionAsync("tick-model", $"runs:/{run.RunId}/model", run.RunId, cancellationToken: TestContext.Current.CancellationToken);
        await store.SetAliasAsync("tick-model", "champion", 2, cancellationToken: TestContext.Current.CancellationToken);
        var missing = await Assert.ThrowsAsync<TrackingException>(() => store.SetAliasAsync("tick-model", "challenger", 9, cancellationToken: TestContext.Current.CancellationToken));

        var folder = dir.Combine("mlruns", "models", "tick-model");
        Assert.Equal(2, v2.Version);
        Assert.Equal("creation_timestamp: 1765068766881\ndescription: null\nlast_updated_timestamp: 1765068766891\nname: tick-model\n",
            File.ReadAllText(Path.Combine(folder, "meta.yaml")));
        Assert.Equal(
            "aliases: []\ncreation_timestamp: 1765068766891\ncurrent_stage: None\ndescription: null\nlast_updated_timestamp: 1765068766891\n" +
            $"name: tick-model\nrun_id: {run.RunId}\nrun_link: null\nsource: runs:/{run.RunId}/model\nstatus: READY\nstatus_message: null\n" +
            $"storage_location: runs:/{run.RunId}/model\nuser_id: null\nversion: 2\n",
            File.ReadAllText(Path.Combine(folder, "version-2", "meta.yaml")));
        Assert.Equal("2", File.ReadAllText(Path.Combine(folder, "aliases", "champion")));
        Assert.Equal(TrackingErrorKind.NotFound, missing.Kind);
        var model = Assert.Single(store.ListRegisteredModels());
        Assert.Equal([1, 2], model.Versions.Select(v => v.Version));
        Assert.Equal(2, model.Aliases["champion"]);
        Assert.Equal(["Default"], store.ListExperiments().Select(e => e.Name));
    }

    [Fact]
    public async Task LogArtifact_File_CopiedUnderRunArtifacts()
    {
        using var dir = new TempDirectory();
        var store = Open(dir);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = "0", RunName = "r", StartTime = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var file = dir.Combine("equity.csv");
        await File.WriteAllTextAsync(file, "step,value\n0,1\n", cancellationToken: TestContext.Current.CancellationToken);

        await store.LogArtifactAsync(run, file, "series", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("step,value\n0,1\n", File.ReadAllText(Path.Combine(store.ArtifactFolder(run.RunId), "series", "equity.csv")));
    }
}

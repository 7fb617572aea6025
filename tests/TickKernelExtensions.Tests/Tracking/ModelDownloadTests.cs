using System.Text;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

/// <summary>Registry downloads against the loopback MLflow server: resolution, listing, atomic placement and its failures.</summary>
public sealed class ModelDownloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static RestTrackingStore Client(FakeMlflowServer server, int attempts = 5) => new(new RestTrackingOptions
    {
        TrackingUri = server.Url,
        MaxAttempts = attempts,
        InitialBackoff = TimeSpan.FromMilliseconds(1),
        MaxBackoff = TimeSpan.FromMilliseconds(5),
    });

    /// <summary>A run with files under model/ (one in a subfolder), registered twice (v1 by runs:/, v2 by location) with alias champion → v1.</summary>
    private static async Task<TrackingRunInfo> PublishAsync(RestTrackingStore store, string local)
    {
        Directory.CreateDirectory(Path.Combine(local, "sub"));
        await File.WriteAllTextAsync(Path.Combine(local, "a.txt"), "alpha", Ct);
        await File.WriteAllTextAsync(Path.Combine(local, "sub", "b.bin"), "bravo!", Ct);
        var experiment = await store.CreateExperimentAsync("wf", Ct);
        var run = await store.CreateRunAsync(new RunCreation { ExperimentId = experiment, RunName = "r", StartTime = 1 }, Ct);
        await store.LogArtifactAsync(run, Path.Combine(local, "a.txt"), "model", Ct);
        await store.LogArtifactAsync(run, Path.Combine(local, "sub", "b.bin"), "model/sub", Ct);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: Ct);
        await store.CreateModelVersionAsync("tick-model", $"runs:/{run.RunId}/model", run.RunId, cancellationToken: Ct);
        await store.CreateModelVersionAsync("tick-model", run.ArtifactUri + "/model", run.RunId, cancellationToken: Ct);
        await store.SetAliasAsync("tick-model", "champion", 1, Ct);
        return run;
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(null, "champion")]
    [InlineData(null, null)]
    public async Task Download_VersionAliasOrLatest_FilesInPlaceNothingElse(int? version, string? alias)
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        var run = await PublishAsync(store, dir.Combine("src"));
        var target = dir.Combine("out", "bundle");
        var lines = new List<string>();

        var result = await ModelDownload.DownloadAsync(store, new ModelDownloadOptions { Name = "tick-model", Version = version, Alias = alias, TargetFolder = target },
            progress: new Sink(lines), cancellationToken: Ct);

        Assert.Equal(version ?? (alias is null ? 2 : 1), result.Version.Version);
        Assert.Equal(run.ArtifactUri + "/model", result.Location);
        Assert.Equal((target, 2, 11L), (result.Folder, result.Files, result.Bytes));
        Assert.Equal("alpha", await File.ReadAllTextAsync(Path.Combine(target, "a.txt"), Ct));
        Assert.Equal("bravo!", await File.ReadAllTextAsync(Path.Combine(target, "sub", "b.bin"), Ct));
        Assert.Equal(["bundle"], Directory.EnumerateFileSystemEntries(dir.Combine("out")).Select(Path.GetFileName));
        Assert.Equal([$"model 'tick-model' version {result.Version.Version}: 2 file(s) from {run.ArtifactUri}/model", "  a.txt (5 bytes)", "  sub/b.bin (6 bytes)"], lines);
        var listed = server.To("/mlflow-artifacts/artifacts").Select(r => r.Path).ToList();
        Assert.Contains($"/api/2.0/mlflow-artifacts/artifacts?path={Uri.EscapeDataString($"1/{run.RunId}/artifacts/model/sub")}", listed);
    }

    [Fact]
    public async Task Download_UnknownModelVersionOrAlias_NotFoundNamingIt()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        await PublishAsync(store, dir.Combine("src"));
        var target = dir.Combine("out");

        Task Get(string name, int? version = null, string? alias = null) => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = name, Version = version, Alias = alias, TargetFolder = target }, cancellationToken: Ct);
        var model = await Assert.ThrowsAsync<TrackingException>(() => Get("nope"));
        var version = await Assert.ThrowsAsync<TrackingException>(() => Get("tick-model", 7));
        var alias = await Assert.ThrowsAsync<TrackingException>(() => Get("tick-model", alias: "prod"));

        Assert.All([model, version, alias], e => Assert.Equal(TrackingErrorKind.NotFound, e.Kind));
        Assert.StartsWith("the server has no registered model 'nope' (POST /api/2.0/mlflow/registered-models/get-latest-versions -> HTTP 404 RESOURCE_DOES_NOT_EXIST", model.Message, StringComparison.Ordinal);
        Assert.StartsWith("the server has no registered model 'tick-model' version 7 (GET /api/2.0/mlflow/model-versions/get -> HTTP 404", version.Message, StringComparison.Ordinal);
        Assert.StartsWith("the server has no registered model 'tick-model' alias 'prod' (", alias.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(target));
    }

    [Fact]
    public async Task Download_FailsMidway_NoTargetNoTemporaryFolder()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server, attempts: 2);
        var run = await PublishAsync(store, dir.Combine("src"));
        server.FailDownloadsOf = $"1/{run.RunId}/artifacts/model/sub/b.bin";
        var lines = new List<string>();

        var e = await Assert.ThrowsAsync<TrackingException>(() => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "tick-model", Version = 2, TargetFolder = dir.Combine("out", "bundle") }, progress: new Sink(lines), cancellationToken: Ct));

        Assert.Equal(TrackingErrorKind.Server, e.Kind);
        Assert.Contains("GET /api/2.0/mlflow-artifacts/artifacts/1/", e.Message, StringComparison.Ordinal);
        Assert.Contains("  a.txt (5 bytes)", lines);
        Assert.Equal(2, server.To("/model/sub/b.bin").Count(r => r.Method == "GET"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Combine("out")));
    }

    [Fact]
    public async Task Download_VerifyRefuses_NoTargetAndItsExceptionPropagates()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        await PublishAsync(store, dir.Combine("src"));
        string? seen = null;

        var e = await Assert.ThrowsAsync<InvalidDataException>(() => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "tick-model", TargetFolder = dir.Combine("out", "bundle") },
            folder =>
            {
                seen = File.Exists(Path.Combine(folder, "sub", "b.bin")) ? folder : null;
                throw new InvalidDataException("refused");
            }, cancellationToken: Ct));

        Assert.Equal("refused", e.Message);
        Assert.NotNull(seen);
        Assert.False(Directory.Exists(seen));
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Combine("out")));
    }

    [Fact]
    public async Task Download_TargetExistsOrBadOptions_RefusedBeforeAnyRequest()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        Directory.CreateDirectory(dir.Combine("taken"));
        await File.WriteAllTextAsync(dir.Combine("taken", "keep.txt"), "mine", Ct);

        var exists = await Assert.ThrowsAsync<TrackingException>(() => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "tick-model", TargetFolder = dir.Combine("taken") }, cancellationToken: Ct));
        var bad = await Assert.ThrowsAsync<TrackingException>(() => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "tick-model", Version = 0, Alias = "champion", TargetFolder = " " }, cancellationToken: Ct));

        Assert.Equal(TrackingErrorKind.Conflict, exists.Kind);
        Assert.Equal("mine", await File.ReadAllTextAsync(dir.Combine("taken", "keep.txt"), Ct));
        Assert.Equal(TrackingErrorKind.InvalidArgument, bad.Kind);
        Assert.Contains("Version: expected 1 or more, actual 0", bad.Message, StringComparison.Ordinal);
        Assert.Contains("Version/Alias: expected one or neither, actual both", bad.Message, StringComparison.Ordinal);
        Assert.Contains("TargetFolder: expected a folder path", bad.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Download_SourceOnS3_NotSupportedNamingTheSource()
    {
        using var dir = new TempDirectory();
        await using var server = new FakeMlflowServer();
        using var store = Client(server);
        await store.EnsureRegisteredModelAsync("tick-model", cancellationToken: Ct);
        await store.CreateModelVersionAsync("tick-model", "s3://bucket/1/abc/artifacts/model", null, cancellationToken: Ct);

        var e = await Assert.ThrowsAsync<TrackingException>(() => ModelDownload.DownloadAsync(store,
            new ModelDownloadOptions { Name = "tick-model", Version = 1, TargetFolder = dir.Combine("out") }, cancellationToken: Ct));

        Assert.Equal(TrackingErrorKind.NotSupported, e.Kind);
        Assert.Contains("'s3://bucket/1/abc/artifacts/model'", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir.Combine("out")));
    }

    private sealed class Sink(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}

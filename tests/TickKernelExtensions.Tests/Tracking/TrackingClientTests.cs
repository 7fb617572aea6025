using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

public sealed class TrackingClientTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeMilliseconds(1765068767492));

    private TrackingClient Local(TempDirectory dir) => TrackingClient.Create(new TrackingClientOptions
    {
        TrackingUri = dir.Combine("mlruns"),
        TimeProvider = _time,
        UserName = "valen",
        SourceName = "notebooks/04-train.ipynb",
        GitCommit = "fde5365f7912e80208466c6a3fbaeadaeaffbcfd",
    });

    [Fact]
    public async Task StartRun_LogEnd_StandardTagsClockTimestampsFinished()
    {
        using var dir = new TempDirectory();
        using var client = Local(dir);
        var store = (FileTrackingStore)client.Store;

        string runId;
        await using (var run = await client.StartRunAsync("walk-forward", "fold-1", cancellationToken: TestContext.Current.CancellationToken))
        {
            runId = run.RunId;
            run.LogParam("window", 20);
            _time.Advance(TimeSpan.FromMilliseconds(423));
            run.LogMetric("sharpe", 1.25);
            run.SetTag("fold", "1");
            _time.Advance(TimeSpan.FromSeconds(1));
        }

        var read = store.ReadRun(runId);
        Assert.Equal(RunStatus.Finished, read.Info.Status);
        Assert.Equal(1765068767492, read.Info.StartTime);
        Assert.Equal(1765068768915, read.Info.EndTime);
        Assert.Equal("fold-1", read.Info.RunName);
        Assert.Equal([new Metric("sharpe", 1.25, 1765068767915)], read.Metrics);
        Assert.Equal([new Param("window", "20")], read.Params);
        Assert.Equal(
            ["fold=1", "mlflow.runName=fold-1", "mlflow.source.git.commit=fde5365f7912e80208466c6a3fbaeadaeaffbcfd", "mlflow.source.name=notebooks/04-train.ipynb", "mlflow.source.type=LOCAL", "mlflow.user=valen"],
            read.Tags.Select(t => $"{t.Key}={t.Value}"));
        Assert.Equal("walk-forward", store.ReadExperiment(read.Info.ExperimentId).Name);
    }

    [Fact]
    public async Task LogSeries_LongSeries_CsvArtifactAndLastValueAsMetric()
    {
        using var dir = new TempDirectory();
        using var client = Local(dir);
        var store = (FileTrackingStore)client.Store;
        var run = await client.StartRunAsync("walk-forward", cancellationToken: TestContext.Current.CancellationToken);

        await run.LogSeriesAsync("equity", [100, 101.5, 99.25], cancellationToken: TestContext.Current.CancellationToken);
        await run.EndAsync(RunStatus.Failed, cancellationToken: TestContext.Current.CancellationToken);

        var read = store.ReadRun(run.RunId);
        Assert.Equal("step,value\n0,100\n1,101.5\n2,99.25\n", File.ReadAllText(Path.Combine(store.ArtifactFolder(run.RunId), "series", "equity.csv")));
        Assert.Equal([new Metric("equity", 99.25, 1765068767492, 2)], read.Metrics);
        Assert.Equal(RunStatus.Failed, read.Info.Status);
        Assert.Equal("run-20251207-005247", read.Info.RunName);
    }

    [Fact]
    public async Task LogParam_BadKey_ThrowsAtTheCall()
    {
        using var dir = new TempDirectory();
        using var client = Local(dir);
        await using var run = await client.StartRunAsync("e", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(TrackingErrorKind.InvalidKey, Assert.Throws<TrackingException>(() => run.LogParam("bad*key", "1")).Kind);
    }

    [Fact]
    public async Task RegisterModel_WithAliases_VersionAndAliasFiles()
    {
        using var dir = new TempDirectory();
        using var client = Local(dir);
        var store = (FileTrackingStore)client.Store;

        var v1 = await client.RegisterModelAsync("tick-model", "runs:/0123456789abcdef0123456789abcdef/model", "0123456789abcdef0123456789abcdef", ["champion"], cancellationToken: TestContext.Current.CancellationToken);
        var v2 = await client.RegisterModelAsync("tick-model", "runs:/0123456789abcdef0123456789abcdef/model", null, ["challenger"], cancellationToken: TestContext.Current.CancellationToken);

        var model = Assert.Single(store.ListRegisteredModels());
        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(1, model.Aliases["champion"]);
        Assert.Equal(2, model.Aliases["challenger"]);
    }
}

using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Tests.Modeling.Training;

/// <summary>
/// A planted-edge week through the whole lake (bronze → silver → gold-core features) built once, then stage 4 end to
/// end: the edge survives cleaning, bars and features; the bundle and the MLflow run are complete; a second run gives
/// the same bytes; bad input is named.
/// </summary>
public sealed class TrainingJobTests(TrainingJobTests.PlantedEdgeLake lake) : IClassFixture<TrainingJobTests.PlantedEdgeLake>
{
    private static readonly string[] Columns = ["log_return_1", "log_return_5", "log_return_15", "realized_vol_15", "tod_sin", "tod_cos"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_PlantedEdgeThroughTheLake_TestAucAboveTheNullBand_BundleAndRunComplete()
    {
        using var root = new TempDirectory();
        var result = await TrainingJob.RunAsync(lake.Tables, Options(root.Path), cancellationToken: Ct);

        var test = result.Report.Test;
        Assert.True(test.Auc > 0.5 + test.NullAucHalfWidth(), $"test AUC {test.Auc:0.000}, band 0.5 ± {test.NullAucHalfWidth():0.000}");
        Assert.Equal("EURUSD", result.Symbol);
        Assert.Equal(Columns, result.Set.FeatureNames);
        Assert.True(result.Set.Counts.Purged > 0 && result.Set.Counts.Embargoed > 0, result.Set.Counts.ToString());
        Assert.StartsWith("test split evaluated once", result.Report.TestStatement, StringComparison.Ordinal);

        using var bundle = ModelBundle.Load(result.Bundle.Folder);
        Assert.Equal(("gold-core-direction", "1"), (bundle.Name, bundle.Version));
        Assert.Equal(["gold.features_gold_core_v1", "silver.ticks", "train split", "validation split", "test split"], bundle.Datasets.Select(d => d.Name));
        // Each split's period, read back: it starts at its first label's start and ends at its last label's end, so a
        // backtest of the bundle from the test split's start on trades only what the model never saw.
        var periods = bundle.Datasets.Skip(2).Select(d => Assert.IsType<bool>(d.TryGetPeriod(out var s, out var e)) ? (s, e) : default).ToList();
        Assert.Equal((result.Set.Train.T0[0], result.Set.Train.T1.ToArray().Max()), periods[0]);
        Assert.Equal((result.Set.Test.T0[0], result.Set.Test.T1.ToArray().Max()), periods[2]);
        Assert.True(periods[1].Item1 > periods[0].Item1 && periods[2].Item1 > periods[1].Item2, string.Join(", ", periods));
        Assert.NotNull(bundle.AnomalyModel);
        var probabilities = result.Search.Model.PredictProbabilities(result.Set.Test);
        for (var i = 0; i < result.Set.Test.Count; i += 97)
        {
            Assert.Equal(probabilities[i], bundle.Score(result.Set.Test.Row(i)).Probability, 6);
        }
        Assert.Equal(test.Auc, bundle.Metrics["test_auc"]);

        var run = Directory.GetDirectories(Path.Combine(root.Path, "mlruns"), result.RunId, SearchOption.AllDirectories).Single();
        Assert.Equal("EURUSD", File.ReadAllText(Path.Combine(run, "params", "symbol")));
        Assert.StartsWith("test split evaluated once", File.ReadAllText(Path.Combine(run, "tags", "tick.test.evaluated")), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(run, "metrics", "test_auc")));
        Assert.True(File.Exists(Path.Combine(run, "artifacts", "reports", "overfitting-report.html")));
        Assert.True(File.Exists(Path.Combine(run, "artifacts", "model", "MLmodel")));
        Assert.Equal(2, File.ReadAllLines(Path.Combine(run, "metrics", "search_validation_auc")).Length);
        Assert.Equal(1, result.Registered?.Version);
        Assert.True(File.Exists(Path.Combine(root.Path, "mlruns", "models", "gold-core-direction", "aliases", "challenger")));
    }

    [Fact]
    public async Task RunAsync_Twice_SameModelBytesAndMetrics_NextVersion()
    {
        using var root = new TempDirectory();

        var first = await TrainingJob.RunAsync(lake.Tables, Options(root.Path), cancellationToken: Ct);
        var second = await TrainingJob.RunAsync(lake.Tables, Options(root.Path), cancellationToken: Ct);

        Assert.Equal(("1", "2"), (first.Bundle.Version, second.Bundle.Version));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Bundle.Folder, "model.zip")), File.ReadAllBytes(Path.Combine(second.Bundle.Folder, "model.zip")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(first.Bundle.Folder, "anomaly.zip")), File.ReadAllBytes(Path.Combine(second.Bundle.Folder, "anomaly.zip")));
        Assert.Equal(File.ReadAllText(Path.Combine(first.Bundle.Folder, "metrics.json")), File.ReadAllText(Path.Combine(second.Bundle.Folder, "metrics.json")));
        Assert.Equal(first.Report.Test, second.Report.Test);
        Assert.Equal(2, second.Registered?.Version);
    }

    [Fact]
    public async Task RunAsync_AColumnTheFeatureSetLacks_IsNamed()
    {
        using var root = new TempDirectory();

        var e = await Assert.ThrowsAsync<ModelingException>(() =>
            TrainingJob.RunAsync(lake.Tables, Options(root.Path) with { FeatureColumns = ["log_return_1", "order_flow"] }, cancellationToken: Ct));

        Assert.Equal(ModelingErrorKind.InvalidInput, e.Kind);
        Assert.Contains("order_flow", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root.Path, "models")));
    }

    [Fact]
    public async Task RunAsync_ASymbolWithoutData_AndAHorizonLongerThanTheData_AreNamed()
    {
        using var root = new TempDirectory();

        var symbol = await Assert.ThrowsAsync<ModelingException>(() =>
            TrainingJob.RunAsync(lake.Tables, Options(root.Path) with { Symbol = "GBPUSD" }, cancellationToken: Ct));
        var horizon = await Assert.ThrowsAsync<ModelingException>(() =>
            TrainingJob.RunAsync(lake.Tables, Options(root.Path) with { Horizon = new() { Horizon = TimeSpan.FromDays(30) } }, cancellationToken: Ct));

        Assert.Equal(ModelingErrorKind.InvalidInput, symbol.Kind);
        Assert.Contains("GBPUSD", symbol.Message, StringComparison.Ordinal);
        Assert.Equal(ModelingErrorKind.OutOfRange, horizon.Kind);
        Assert.Contains("horizon", horizon.Message, StringComparison.OrdinalIgnoreCase);
    }

    private static TrainingJobOptions Options(string root) => new()
    {
        Layout = new DataLayout(root),
        FeatureColumns = Columns,
        Horizon = TrainingTestData.Horizon,
        Split = TrainingTestData.Split,
        Search = new() { MaxTrials = 2, Trees = [30], Leaves = [4, 8], MinimumExamplesPerLeaf = [50], LearningRates = [0.1] },
        TimeProvider = TimeProvider.System,
    };

    /// <summary>The planted-edge week of <see cref="TrainingTestData"/> published as bronze.ticks and processed to gold.</summary>
    public sealed class PlantedEdgeLake : IAsyncLifetime
    {
        private readonly TempDirectory _dir = new();
        private JdbcCatalog? _catalog;

        public IcebergTables Tables { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            var layout = new DataLayout(_dir.Path);
            var dataset = new TickParquetDataset(layout.Ticks);
            await using (var writer = dataset.BeginWrite("builtin-edge"))
            {
                await writer.AppendAsync("EURUSD", TrainingTestData.PlantedEdge.Ticks);
                await writer.CommitAsync();
            }
            _catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(Path.Combine(_dir.Path, "catalog.db")));
            Tables = new IcebergTables(_catalog, new IcebergTablesOptions { Warehouse = layout.Lake });
            await BronzeTicks.PublishAsync(Tables, dataset, "builtin-edge", layout.LakehouseState);
            await SilverTicks.BuildAsync(Tables);
            await GoldTables.BuildAsync(Tables, new GoldOptions());
        }

        public async ValueTask DisposeAsync()
        {
            Tables?.Dispose();
            if (_catalog is not null)
            {
                await _catalog.DisposeAsync();
            }
            _dir.Dispose();
        }
    }
}

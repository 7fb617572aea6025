using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Online;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Tests.Backtesting.Engine;
using TickKernelExtensions.Tests.Modeling.Export;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Modeling.Online;

/// <summary>Parity: ticks streamed one at a time give the offline pipeline's features and the backtest's signals, value for value.</summary>
public sealed class OnlineSignalStreamTests(TrainedModels models) : IClassFixture<TrainedModels>
{
    private ModelBundle LoadBundle(TempDirectory temp) =>
        ModelBundle.Load(ModelBundleWriter.Write(BundleTestModels.Content(models.Classifier), BundleTestModels.Options(temp.Path)).Folder);

    [Fact]
    public void OnTick_StreamedTicks_FeaturesEqualTheOfflineTableRowForRow()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);
        var ticks = RandomWalk(20_000, seed: 5);
        // Offline, as the gold stage computes it: every bar of the ticks at once, then the whole feature table.
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var calculator = new FeatureSetCalculator(bundle.FeatureSet);
        var table = calculator.CreateTable(bars.Count);
        calculator.Append(bars, table);
        var stream = new OnlineSignalStream(bundle, "EURUSD", new TimeBarOptions(), TimeSpan.FromMinutes(1));
        var signals = new List<TradeSignal>();
        var compared = 0;

        for (var i = 0; i < ticks.Count; i++)
        {
            var before = stream.Bars;
            stream.OnTick(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i], signals);
            if (stream.Bars > before)
            {
                // The bar this tick closed is row (Bars − 1) of the offline table: compare every column, bit for bit.
                var r = (int)stream.Bars - 1;
                for (var c = 0; c < table.ColumnNames.Count; c++)
                {
                    Assert.Equal(BitConverter.DoubleToInt64Bits(table.Column(c)[r]), BitConverter.DoubleToInt64Bits(stream.Scorer.Row[c]));
                }
                compared++;
            }
        }

        // Offline without a flush, the last (open) bar is left out as it is online: the same bars, every one compared.
        Assert.Equal(bars.Count, compared);
        Assert.Equal(ticks.Count, stream.Ticks);
        Assert.Equal(stream.Scorer.Scored, signals.Count);
    }

    [Fact]
    public void OnTick_StreamedTicks_GiveTheBacktestsSignalsExactly()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);
        var ticks = RandomWalk(20_000, seed: 6);
        var strategy = new ModelStrategy(bundle);
        TickBacktester.Run("EURUSD", ticks, strategy);
        var stream = new OnlineSignalStream(bundle, "EURUSD", new TimeBarOptions(), TimeSpan.FromMinutes(1));
        var online = new List<TradeSignal>();

        for (var i = 0; i < ticks.Count; i++)
        {
            stream.OnTick(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i], online);
        }

        Assert.NotEmpty(online);
        Assert.Equal(strategy.Signals, online);
    }

    [Fact]
    public void OnTick_TickBeforeTheLastOrWithABadPrice_IsRefusedAndChangesNothing()
    {
        using var temp = new TempDirectory();
        using var bundle = LoadBundle(temp);
        var stream = new OnlineSignalStream(bundle, "EURUSD", new TimeBarOptions(), TimeSpan.FromMinutes(1));
        var signals = new List<TradeSignal>();
        stream.OnTick(1_000_000, 1.1, 1.1001, 1, 1, signals);

        var late = Assert.Throws<ArgumentOutOfRangeException>(() => stream.OnTick(999_999, 1.1, 1.1001, 1, 1, signals));
        var bad = Assert.Throws<ArgumentOutOfRangeException>(() => stream.OnTick(2_000_000, double.NaN, 1.1001, 1, 1, signals));

        Assert.Contains("is before the last one of EURUSD", late.Message, StringComparison.Ordinal);
        Assert.Contains("positive and finite", bad.Message, StringComparison.Ordinal);
        Assert.Equal((1L, 1_000_000L), (stream.Ticks, stream.LastTime));
    }
}

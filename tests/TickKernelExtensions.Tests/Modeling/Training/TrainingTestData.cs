using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Modeling.Training;

/// <summary>
/// Simulated markets taken in memory from the simulator to ticks, minute bars, features and a training set, built
/// once per mode and shared. One EURUSD week (Monday 00:00 to Friday 20:00 UTC) at 0.2 of the tick rate: about
/// 70,000 ticks, 5,700 minute bars.
/// </summary>
internal static class TrainingTestData
{
    public static readonly FeatureSetDefinition Definition = new("training-test", 1,
    [
        FeatureSpec.LogReturn(1),
        FeatureSpec.LogReturn(5),
        FeatureSpec.LogReturn(15),
        FeatureSpec.RealizedVolatility(15),
        FeatureSpec.TimeOfDay(),
    ], "test");

    public static readonly FixedHorizonOptions Horizon = new() { Horizon = TimeSpan.FromMinutes(5) };

    public static readonly ChronologicalSplitOptions Split = new() { Embargo = TimeSpan.FromMinutes(15) };

    private static readonly Lazy<Market> RandomWalkMarket = new(() => Build(SimulationMode.RandomWalk));
    private static readonly Lazy<Market> PlantedEdgeMarket = new(() => Build(SimulationMode.PlantedEdge));

    public static Market RandomWalk => RandomWalkMarket.Value;

    public static Market PlantedEdge => PlantedEdgeMarket.Value;

    public static Market Build(SimulationMode mode, long seed = 7, int weeks = 1)
    {
        var sim = new MarketSimulator(new MarketSimulatorOptions
        {
            Symbols = ["EURUSD"],
            StartUtc = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc),
            EndUtc = new DateTime(2024, 1, 12, 20, 0, 0, DateTimeKind.Utc).AddDays(7 * (weeks - 1)),
            Seed = seed,
            Mode = mode,
            TickRateScale = 0.2,
        });
        var ticks = new TickColumns(1 << 17);
        foreach (var hour in sim.GenerateSymbol("EURUSD"))
        {
            ticks.AddRange(hour.Ticks, 0, hour.Ticks.Count);
        }
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var table = Features(bars, Definition);
        var set = TrainingSetBuilder.FromTicks(table, ticks, Horizon, Split);
        return new Market(ticks, bars, table, set);
    }

    public static FeatureTable Features(BarColumns bars, FeatureSetDefinition definition)
    {
        var calculator = new FeatureSetCalculator(definition);
        var table = calculator.CreateTable(bars.Count);
        calculator.Append(bars, table);
        return table;
    }

    internal sealed record Market(TickColumns Ticks, BarColumns Bars, FeatureTable Table, TrainingSet Set);
}

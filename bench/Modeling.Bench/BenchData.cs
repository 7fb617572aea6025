using System.Diagnostics;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace Modeling.Bench;

/// <summary>
/// The benchmark's input, built in memory and never cached: <c>days</c> calendar days of one EURUSD from the built-in
/// simulator (Realistic mode, seeded) → one-minute bars → the gold-core feature table → fixed-horizon labels (15
/// minutes), uniqueness weights and a chronological 60/20/20 split with a one-hour embargo.
/// </summary>
internal sealed record BenchData(int Ticks, int Bars, TrainingSet Set, TimeSpan BuildTime)
{
    public static readonly FixedHorizonOptions Horizon = new() { Horizon = TimeSpan.FromMinutes(15) };

    public static readonly ChronologicalSplitOptions Split = new() { Embargo = TimeSpan.FromHours(1) };

    public static BenchData Build(int days, double tickRate, long seed)
    {
        var clock = Stopwatch.StartNew();
        var start = new DateTime(2024, 1, 8, 0, 0, 0, DateTimeKind.Utc);
        var simulator = new MarketSimulator(new MarketSimulatorOptions
        {
            Symbols = ["EURUSD"],
            StartUtc = start,
            EndUtc = start.AddDays(days),
            Seed = seed,
            Mode = SimulationMode.Realistic,
            TickRateScale = tickRate,
        });
        var ticks = new TickColumns(1 << 20);
        foreach (var hour in simulator.GenerateSymbol("EURUSD"))
        {
            ticks.AddRange(hour.Ticks, 0, hour.Ticks.Count);
        }
        var bars = new BarColumns();
        new TimeBarBuilder(new TimeBarOptions()).Add(ticks, bars);
        var calculator = new FeatureSetCalculator(FeatureSetDefinition.GoldCore);
        var table = calculator.CreateTable(bars.Count);
        calculator.Append(bars, table);
        var set = TrainingSetBuilder.FromTicks(table, ticks, Horizon, Split);
        return new BenchData(ticks.Count, bars.Count, set, clock.Elapsed);
    }
}

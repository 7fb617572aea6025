using System.CommandLine;
using TickKernelExtensions.Ingest.Simulation;

namespace Pipeline.Scripts.Commands;

/// <summary>The built-in market's options, shared by <c>simulate</c> and <c>ingest</c>.</summary>
internal sealed class SimulationOptions
{
    public Option<long> Seed { get; } = new("--seed") { Description = "Built-in market: random seed; the same seed gives the same market.", DefaultValueFactory = _ => 42 };

    public Option<bool> RandomWalk { get; } = new("--random-walk") { Description = "Built-in market: a pure random walk with no exploitable structure." };

    public Option<double> TickRateScale { get; } = new("--tick-rate-scale") { Description = "Built-in market: multiplies tick rates (e.g. 0.1 for small data).", DefaultValueFactory = _ => 1.0 };

    public IEnumerable<Option> All => [Seed, RandomWalk, TickRateScale];

    /// <summary>The simulator's options: its defaults, overridden by what was given.</summary>
    public MarketSimulatorOptions Read(ParseResult r, string[]? symbols, DateTime? from, DateTime? to)
    {
        var options = new MarketSimulatorOptions
        {
            Seed = r.GetValue(Seed),
            TickRateScale = r.GetValue(TickRateScale),
            Mode = r.GetValue(RandomWalk) ? SimulationMode.RandomWalk : SimulationMode.Realistic,
        };
        if (symbols is { Length: > 0 })
        {
            options = options with { Symbols = symbols };
        }
        if (from is { } f)
        {
            options = options with { StartUtc = f };
        }
        if (to is { } t)
        {
            options = options with { EndUtc = t };
        }
        return options;
    }
}

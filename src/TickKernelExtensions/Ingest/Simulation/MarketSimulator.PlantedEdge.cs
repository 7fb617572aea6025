using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

public sealed partial class MarketSimulator
{
    /// <summary>
    /// The planted edge <c>k</c> of <see cref="SimulationMode.PlantedEdge"/>: how much the probability of an up-step
    /// moves towards the sign of the last <see cref="PlantedEdgeLookback"/>'s bid change, per tick. 0.06 turns the
    /// walk's fair coin into a 56/44 one: nothing a price chart shows, but at 0.2 ticks a second a gradient-boosted
    /// model on 1-, 5- and 15-minute log returns reaches a test AUC near 0.68 on 5-minute labels (0.5 on the plain walk).
    /// </summary>
    public const double PlantedEdgeStrength = 0.06;

    /// <summary>The momentum lookback of <see cref="SimulationMode.PlantedEdge"/>: 5 minutes.</summary>
    public static TimeSpan PlantedEdgeLookback { get; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// One planted-edge hour: the random walk's arrivals, spread and volumes, but each step is up with probability
    /// <c>ups/left + k·sign(bid − bid 5 minutes ago)</c>, clamped to [0, 1], and forced when only up-steps (or only
    /// down-steps) are left, so the hour still ends at the planned close and hours join up. The reference bid is the
    /// one in force at the arrival time minus the lookback, or the hour's open when that is before the hour.
    /// </summary>
    private static SimulatedHour GeneratePlantedEdge(SymbolPlan plan, HourPlan hour, DateTime hourStart, SimRandom rng)
    {
        var (arrivals, ups, ticks, writer) = BeginWalk(plan, hour, hourStart, rng);
        var n = hour.TickCount;
        var step = plan.StepPoints;
        var lookback = (long)PlantedEdgeLookback.TotalMilliseconds;
        var times = new long[n];
        var bids = new long[n];
        var bid = (long)hour.Open;
        var reference = -1;
        for (var i = 0; i < n; i++)
        {
            times[i] = (long)(arrivals[i] * MillisPerHour);
            while (reference + 1 < i && times[reference + 1] <= times[i] - lookback)
            {
                reference++;
            }
            var past = reference >= 0 ? bids[reference] : (long)hour.Open;
            var left = n - i;
            bool up;
            if (ups == 0 || ups == left)
            {
                up = ups == left;
            }
            else
            {
                var p = Math.Clamp(((double)ups / left) + (PlantedEdgeStrength * Math.Sign(bid - past)), 0.0, 1.0);
                up = rng.NextDouble() < p;
            }
            if (up)
            {
                ups--;
            }
            bid += up ? step : -step;
            bids[i] = bid;
            writer.Write(i, times[i], bid, bid + plan.SpreadPoints, Volume(plan.Profile, rng), Volume(plan.Profile, rng));
        }
        return new SimulatedHour(plan.Instrument, hourStart, HourStatus.Trading, null, ticks, [], []);
    }
}

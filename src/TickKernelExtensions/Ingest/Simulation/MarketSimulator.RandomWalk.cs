using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

public sealed partial class MarketSimulator
{
    /// <summary>
    /// One random-walk hour: arrival times are the plan's tick count of sorted uniform times (a Poisson
    /// process given its count), floored to the millisecond; the bid moves plus or minus <see cref="SymbolPlan.StepPoints"/> on
    /// every tick. The plan fixed the hour's net move (a Binomial(n, 1/2) number of up-steps), and the
    /// order of ups and downs is a uniformly random arrangement of them, drawn sequentially, so the
    /// increments are exactly independent fair coin flips and the path ends where the next hour begins.
    /// </summary>
    private static SimulatedHour GenerateRandomWalk(SymbolPlan plan, HourPlan hour, DateTime hourStart, SimRandom rng)
    {
        var instrument = plan.Instrument;
        var n = hour.TickCount;
        var step = plan.StepPoints;
        var arrivals = new double[n];
        rng.FillSortedUniforms(arrivals);
        var ups = step == 0 ? 0 : (int)((n + ((long)hour.Close - (long)hour.Open) / step) / 2);
        var ticks = new TickColumns(n);
        ticks.Append(n);
        var writer = new TickWriter(instrument, plan.Profile, hourStart, ticks);
        var bid = (long)hour.Open;
        for (var i = 0; i < n; i++)
        {
            var up = rng.NextInt(n - i) < ups;
            if (up)
            {
                ups--;
            }
            bid += up ? step : -step;
            writer.Write(i, (long)(arrivals[i] * MillisPerHour), bid, bid + plan.SpreadPoints, Volume(plan.Profile, rng), Volume(plan.Profile, rng));
        }
        return new SimulatedHour(instrument, hourStart, HourStatus.Trading, null, ticks, [], []);
    }
}

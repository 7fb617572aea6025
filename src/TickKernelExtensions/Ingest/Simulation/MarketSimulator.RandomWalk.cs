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
        var (arrivals, ups, ticks, writer) = BeginWalk(plan, hour, hourStart, rng);
        var n = hour.TickCount;
        var step = plan.StepPoints;
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
        return new SimulatedHour(plan.Instrument, hourStart, HourStatus.Trading, null, ticks, [], []);
    }

    // What every walk-like hour starts with (random walk, planted edge): sorted arrival times (drawn first, so both
    // modes draw the same arrivals from the same seed), the number of up-steps that lands the hour on its planned
    // close, and the columns with their writer.
    private static (double[] Arrivals, int Ups, TickColumns Ticks, TickWriter Writer) BeginWalk(SymbolPlan plan, HourPlan hour, DateTime hourStart, SimRandom rng)
    {
        var n = hour.TickCount;
        var step = plan.StepPoints;
        var arrivals = new double[n];
        rng.FillSortedUniforms(arrivals);
        var ups = step == 0 ? 0 : (int)((n + ((long)hour.Close - (long)hour.Open) / step) / 2);
        var ticks = new TickColumns(n);
        ticks.Append(n);
        return (arrivals, ups, ticks, new TickWriter(plan.Instrument, plan.Profile, hourStart, ticks));
    }
}

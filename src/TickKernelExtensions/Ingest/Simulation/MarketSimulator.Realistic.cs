using System.Buffers;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

public sealed partial class MarketSimulator
{
    private const int MillisPerHour = 3_600_000;
    // Minute-to-minute burstiness of the tick rate: a log-normal factor with mean 1.
    private const double BurstSigma = 0.6;
    // Tick-to-tick noise of the spread: a log-normal factor with mean 1.
    private const double SpreadJitterSigma = 0.25;
    // Tick volumes: log-normal around the profile's median.
    private const double VolumeSigma = 0.6;

    /// <summary>
    /// One realistic hour. Arrivals: given the plan's tick count, sorted uniforms are "business time"
    /// (the arrival times of a Poisson process given its count), mapped to clock time through the minute weights
    /// (seasonal activity times random bursts). The log mid is a Brownian bridge in business time from the
    /// plan's open to its close, so volatility follows the tick rate and the path joins the next hour
    /// exactly. The spread varies with activity, the rollover and per-tick noise; volumes are log-normal.
    /// </summary>
    private SimulatedHour GenerateRealistic(SymbolPlan plan, HourPlan hour, DateTime hourStart, MarketRegime regime, SimRandom rng)
    {
        var instrument = plan.Instrument;
        var profile = plan.Profile;
        var n = hour.TickCount;
        Span<double> activity = stackalloc double[60];
        Span<double> rollover = stackalloc double[60];
        Span<double> cdf = stackalloc double[61];
        IntradayProfile.FillActivity(instrument, hourStart, activity);
        IntradayProfile.FillRollover(hourStart, Options.RolloverSpreadMultiplier, rollover);
        cdf[0] = 0;
        for (var m = 0; m < 60; m++)
        {
            var burst = PortableMath.Exp((BurstSigma * rng.NextGaussian()) - (0.5 * BurstSigma * BurstSigma));
            cdf[m + 1] = cdf[m] + (activity[m] * burst);
        }
        var total = cdf[60];
        for (var m = 1; m <= 60; m++)
        {
            cdf[m] /= total;
        }

        var bad = rng.NextDistinctSorted(hour.SpikeCount + hour.CrossedCount, n);
        var spikePick = rng.NextDistinctSorted(hour.SpikeCount, bad.Length);
        var spikes = spikePick.Select(i => bad[i]).ToArray();
        var crossed = bad.Except(spikes).ToArray();

        var business = ArrayPool<double>.Shared.Rent(n);
        var bridge = ArrayPool<double>.Shared.Rent(n);
        try
        {
            rng.FillSortedUniforms(business.AsSpan(0, n));
            // Brownian motion at the business times, then pinned to the plan's close at business time 1.
            var w = 0.0;
            var previous = 0.0;
            for (var i = 0; i < n; i++)
            {
                w += hour.Sigma * Math.Sqrt(business[i] - previous) * rng.NextGaussian();
                bridge[i] = w;
                previous = business[i];
            }
            var wEnd = w + (hour.Sigma * Math.Sqrt(1.0 - previous) * rng.NextGaussian());

            var ticks = new TickColumns(n);
            ticks.Append(n);
            var writer = new TickWriter(instrument, profile, hourStart, ticks);
            // The typical spread in points scales with the price (it is a relative cost), unrounded until the tick.
            var spreadBase = profile.TypicalSpread * Options.SpreadScale * instrument.DecimalFactor
                * RegimeTraits.For(regime).Spread / profile.StartPrice;
            var factor = instrument.DecimalFactor;
            var minute = 0;
            int nextSpike = 0, nextCrossed = 0;
            for (var i = 0; i < n; i++)
            {
                var u = business[i];
                while (minute < 59 && u >= cdf[minute + 1])
                {
                    minute++;
                }
                var within = (u - cdf[minute]) / (cdf[minute + 1] - cdf[minute]);
                var ms = Math.Clamp((long)Math.Floor((minute + within) * 60_000.0), 0L, MillisPerHour - 1);

                var x = hour.Open + (u * (hour.Close - hour.Open)) + bridge[i] - (u * wEnd);
                var mid = PortableMath.Exp(x);
                var jitter = PortableMath.Exp((SpreadJitterSigma * rng.NextGaussian()) - (0.5 * SpreadJitterSigma * SpreadJitterSigma));
                var spread = Math.Max(1L, (long)Math.Round(
                    spreadBase * mid * IntradayProfile.SpreadMultiplier(activity[minute]) * rollover[minute] * jitter));

                if (nextSpike < spikes.Length && spikes[nextSpike] == i)
                {
                    nextSpike++;
                    mid = SpikeMid(instrument, mid, hour.Sigma, spread, rng);
                }
                var bid = (long)Math.Round((mid * factor) - (spread / 2.0));
                var ask = bid + spread;
                if (nextCrossed < crossed.Length && crossed[nextCrossed] == i)
                {
                    nextCrossed++;
                    (bid, ask) = (ask, bid);
                }
                writer.Write(i, ms, bid, ask, Volume(profile, rng), Volume(profile, rng));
            }
            return new SimulatedHour(instrument, hourStart, HourStatus.Trading, regime, ticks, spikes, crossed);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(business);
            ArrayPool<double>.Shared.Return(bridge);
        }
    }

    /// <summary>
    /// A spike's mid: 10 to 30 hourly deviations (at least 20 spreads) away from the true mid, turned
    /// back if that would leave the instrument's plausible range: a bad tick that still passes ingestion.
    /// </summary>
    private static double SpikeMid(Instrument instrument, double mid, double sigma, long spreadPoints, SimRandom rng)
    {
        var size = 10.0 + (20.0 * rng.NextDouble());
        var relative = Math.Max(size * sigma, 20.0 * spreadPoints / (mid * instrument.DecimalFactor));
        var direction = rng.NextSign();
        var spike = mid * (1.0 + (direction * relative));
        if (!instrument.IsPlausible(spike) || spike <= 0)
        {
            spike = mid * (1.0 - (direction * relative));
        }
        return Math.Clamp(spike, instrument.PlausibleLow, instrument.PlausibleHigh);
    }

    /// <summary>A tick volume in millions: log-normal around the median, on the profile's step, at least its minimum.</summary>
    private static float Volume(InstrumentProfile profile, SimRandom rng)
    {
        var raw = profile.VolumeMedian * PortableMath.Exp(VolumeSigma * rng.NextGaussian());
        var stepped = Math.Round(raw / profile.VolumeStep) * profile.VolumeStep;
        return (float)Math.Max(profile.VolumeMin, stepped);
    }
}

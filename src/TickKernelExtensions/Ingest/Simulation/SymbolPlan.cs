using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// The sequential, cheap half of a simulation for one symbol: one pass over the hours of the window with
/// the symbol's plan stream decides every hour's status, regime, tick count, bad-tick counts and the
/// price at each hour boundary. The expensive half (the ticks) is then independent per hour. Immutable.
/// </summary>
internal sealed class SymbolPlan
{
    // Plausible ranges are about 2x the historical range; walks are kept a further 25 % inside them.
    private const double RangeMargin = 1.25;
    // A weekend gap: the Sunday open differs from Friday's close by this many typical hourly deviations.
    private const double WeekendGapSigmas = 3.0;

    private SymbolPlan(Instrument instrument, InstrumentProfile profile, ulong symbolKey, HourPlan[] hours,
        IReadOnlyList<RegimeSpan> regimes, long spreadPoints, long stepPoints)
    {
        Instrument = instrument;
        Profile = profile;
        SymbolKey = symbolKey;
        Hours = hours;
        Regimes = regimes;
        SpreadPoints = spreadPoints;
        StepPoints = stepPoints;
    }

    public Instrument Instrument { get; }

    public InstrumentProfile Profile { get; }

    public ulong SymbolKey { get; }

    public HourPlan[] Hours { get; }

    public IReadOnlyList<RegimeSpan> Regimes { get; }

    /// <summary>Random walk: the constant spread, in points (the profile's typical spread, at least one point).</summary>
    public long SpreadPoints { get; }

    /// <summary>Random walk: the bid's step per tick, in points.</summary>
    public long StepPoints { get; }

    public static SymbolPlan Build(MarketSimulatorOptions options, Instrument instrument, DateTime startUtc, int hourCount)
    {
        var profile = InstrumentProfile.For(instrument);
        var key = SimRandom.SymbolKey(instrument.Symbol);
        var rng = SimRandom.For(options.Seed, key, 0, RandomPurpose.Plan);
        var spread = Math.Max(1L, (long)Math.Round(profile.TypicalSpread * options.SpreadScale * instrument.DecimalFactor));
        return options.Mode == SimulationMode.Realistic
            ? BuildRealistic(options, instrument, profile, key, rng, startUtc, hourCount, spread)
            : BuildRandomWalk(options, instrument, profile, key, rng, startUtc, hourCount, spread);
    }

    private static double HoursPerYear(Instrument instrument) =>
        instrument.AssetClass == AssetClass.Crypto ? 365 * 24 : 260 * 24;

    private static SymbolPlan BuildRealistic(MarketSimulatorOptions options, Instrument instrument, InstrumentProfile profile,
        ulong key, SimRandom rng, DateTime startUtc, int hourCount, long spread)
    {
        var hours = new HourPlan[hourCount];
        var regimes = new List<RegimeSpan>();
        var baseSigma = profile.AnnualVolatility * options.VolatilityScale / Math.Sqrt(HoursPerYear(instrument));
        var low = PortableMath.Log(instrument.PlausibleLow * RangeMargin);
        var high = PortableMath.Log(instrument.PlausibleHigh / RangeMargin);
        var switchProbability = 1.0 / options.MeanRegimeHours;
        var ticksPerHour = profile.TicksPerSecond * options.TickRateScale * 3600.0;

        var x = PortableMath.Log(profile.StartPrice);
        var regime = (MarketRegime)rng.NextInt(3);
        var direction = rng.NextSign();
        var spanStart = startUtc;
        var previousClosed = false;
        for (var h = 0; h < hourCount; h++)
        {
            var t = startUtc.AddHours(h);
            if (h > 0 && rng.NextDouble() < switchProbability)
            {
                regimes.Add(new RegimeSpan(spanStart, t, regime, Direction(regime, direction)));
                regime = (MarketRegime)(((int)regime + 1 + rng.NextInt(2)) % 3);
                direction = rng.NextSign();
                spanStart = t;
            }
            if (TradingCalendar.IsExpectedClosedHour(instrument, t))
            {
                hours[h] = new HourPlan(HourStatus.Closed, regime, 0, 0, 0, x, x, 0);
                previousClosed = true;
                continue;
            }
            if (previousClosed)
            {
                x = Reflect(x + (WeekendGapSigmas * baseSigma * rng.NextGaussian()), low, high);
                previousClosed = false;
            }
            var traits = RegimeTraits.For(regime);
            var activity = IntradayProfile.HourActivity(instrument, t);
            var sigma = baseSigma * Math.Sqrt(activity) * traits.Volatility;
            var ticks = rng.NextPoisson(ticksPerHour * activity * traits.TickRate);
            var missing = rng.NextDouble() < options.MissingHourRate;
            var drift = regime == MarketRegime.Trending ? direction * traits.DriftSigmas * sigma : 0.0;
            var close = Reflect(x + drift + (sigma * rng.NextGaussian()), low, high);
            var spikes = rng.NextBinomialRare(ticks, options.SpikeRate);
            var crossed = rng.NextBinomialRare(ticks - spikes, options.CrossedQuoteRate);
            hours[h] = missing
                ? new HourPlan(HourStatus.Missing, regime, 0, 0, 0, x, close, sigma)
                : new HourPlan(HourStatus.Trading, regime, ticks, spikes, crossed, x, close, sigma);
            x = close;
        }
        regimes.Add(new RegimeSpan(spanStart, startUtc.AddHours(hourCount), regime, Direction(regime, direction)));
        return new SymbolPlan(instrument, profile, key, hours, regimes, spread, 0);
    }

    private static SymbolPlan BuildRandomWalk(MarketSimulatorOptions options, Instrument instrument, InstrumentProfile profile,
        ulong key, SimRandom rng, DateTime startUtc, int hourCount, long spread)
    {
        var hours = new HourPlan[hourCount];
        var ticksPerSecond = profile.TicksPerSecond * options.TickRateScale;
        // The per-tick step that gives the profile's annual volatility at this tick rate.
        var tickSigmaPoints = profile.AnnualVolatility * options.VolatilityScale * profile.StartPrice * instrument.DecimalFactor
            / Math.Sqrt(ticksPerSecond * HoursPerYear(instrument) * 3600.0);
        var step = options.VolatilityScale == 0 ? 0L : Math.Max(1L, (long)Math.Round(tickSigmaPoints));
        var low = (long)Math.Ceiling(instrument.PlausibleLow * RangeMargin * instrument.DecimalFactor);
        var high = (long)Math.Floor(instrument.PlausibleHigh / RangeMargin * instrument.DecimalFactor) - spread;
        var bid = (long)Math.Round((profile.StartPrice * instrument.DecimalFactor) - (spread / 2.0));
        for (var h = 0; h < hourCount; h++)
        {
            var t = startUtc.AddHours(h);
            if (TradingCalendar.IsExpectedClosedHour(instrument, t))
            {
                hours[h] = new HourPlan(HourStatus.Closed, MarketRegime.Calm, 0, 0, 0, bid, bid, 0);
                continue;
            }
            var ticks = rng.NextPoisson(ticksPerSecond * 3600.0);
            // The sum of n symmetric +/-step moves: step * (2 Binomial(n, 1/2) - n), exactly.
            var move = step * ((2L * rng.NextBinomialHalf(ticks)) - ticks);
            if (bid + move < low || bid + move > high)
            {
                // Mirror the hour's path at the boundary (its distribution is symmetric).
                move = -move;
            }
            hours[h] = new HourPlan(HourStatus.Trading, MarketRegime.Calm, ticks, 0, 0, bid, bid + move, 0);
            bid += move;
        }
        return new SymbolPlan(instrument, profile, key, hours, [], spread, step);
    }

    private static int Direction(MarketRegime regime, int direction) => regime == MarketRegime.Trending ? direction : 0;

    private static double Reflect(double x, double low, double high)
    {
        if (x > high)
        {
            x = high - (x - high);
        }
        if (x < low)
        {
            x = low + (low - x);
        }
        return Math.Clamp(x, low, high);
    }
}

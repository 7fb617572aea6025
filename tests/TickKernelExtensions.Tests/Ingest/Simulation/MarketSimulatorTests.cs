using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class MarketSimulatorTests
{
    private static DateTime Utc(int month, int day, int hour) => new(2024, month, day, hour, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void GenerateSymbol_SameOptions_IdenticalTicks()
    {
        var a = new MarketSimulator(SimulationAssert.Small());
        var b = new MarketSimulator(SimulationAssert.Small());

        foreach (var symbol in a.Options.Symbols)
        {
            foreach (var (x, y) in a.GenerateSymbol(symbol).Zip(b.GenerateSymbol(symbol)))
            {
                SimulationAssert.SameHour(x, y);
            }
        }
        Assert.Equal(a.Manifest.TotalTicks, b.Manifest.TotalTicks);
    }

    [Fact]
    public void GenerateHour_DifferentSeed_DifferentTicks()
    {
        var hour = Utc(3, 6, 14);
        var a = new MarketSimulator(SimulationAssert.Small()).GenerateHour("EURUSD", hour);
        var b = new MarketSimulator(SimulationAssert.Small() with { Seed = 43 }).GenerateHour("EURUSD", hour);

        Assert.NotEqual(a.Ticks.Count, b.Ticks.Count);
        Assert.False(a.Ticks.Bids[..10].SequenceEqual(b.Ticks.Bids[..10]));
    }

    [Fact]
    public void GenerateHour_Alone_EqualsTheHourOfAFullRun()
    {
        var full = new MarketSimulator(SimulationAssert.Small()).GenerateSymbol("USDJPY").ToList();
        var fresh = new MarketSimulator(SimulationAssert.Small());

        // Backwards and in parallel: neither order nor concurrency may matter.
        var alone = new SimulatedHour[full.Count];
        Parallel.For(0, full.Count, i =>
        {
            var index = full.Count - 1 - i;
            alone[index] = fresh.GenerateHour("USDJPY", full[index].HourStartUtc);
        });

        for (var i = 0; i < full.Count; i++)
        {
            SimulationAssert.SameHour(full[i], alone[i]);
        }
    }

    [Fact]
    public void GenerateHour_OtherSymbolsInTheRun_DoNotChangeASymbolsTicks()
    {
        var hour = Utc(3, 13, 9);
        var alone = new MarketSimulator(SimulationAssert.Small("XAUUSD")).GenerateHour("XAUUSD", hour);
        var together = new MarketSimulator(SimulationAssert.Small("BTCUSD", "EURUSD", "XAUUSD")).GenerateHour("xau/usd", hour);

        SimulationAssert.SameHour(alone, together);
    }

    [Fact]
    public void GenerateHour_HourOutsideWindowOrNotWhole_Throws()
    {
        var sim = new MarketSimulator(SimulationAssert.Small());

        Assert.Throws<ArgumentOutOfRangeException>(() => sim.GenerateHour("EURUSD", Utc(3, 25, 0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.GenerateHour("EURUSD", Utc(3, 6, 14).AddMinutes(1)));
        Assert.Throws<ArgumentException>(() => sim.GenerateHour("GBPUSD", Utc(3, 6, 14)));
        Assert.Throws<MarketDataException>(() => sim.GenerateHour("NOPE", Utc(3, 6, 14)));
    }

    [Fact]
    public void GenerateSymbol_Weekend_NoTicksForFxAndMetalButTicksForBitcoin()
    {
        var sim = new MarketSimulator(SimulationAssert.Small("EURUSD", "XAUUSD", "BTCUSD"));
        var saturday = Utc(3, 16, 12);

        foreach (var symbol in new[] { "EURUSD", "XAUUSD" })
        {
            var hour = sim.GenerateHour(symbol, saturday);
            Assert.Equal(HourStatus.Closed, hour.Status);
            Assert.Equal(0, hour.Ticks.Count);
            var closed = sim.GenerateSymbol(symbol).Where(h => h.Status == HourStatus.Closed).ToList();
            Assert.All(closed, h => Assert.False(TradingCalendar.IsOpen(sim.Instruments[0], h.HourStartUtc)));
            Assert.Equal(closed.Count, sim.Manifest.For(symbol).ClosedHours);
        }
        var bitcoin = sim.GenerateSymbol("BTCUSD").ToList();
        Assert.DoesNotContain(bitcoin, h => h.Status == HourStatus.Closed);
        var weekendTicks = bitcoin.Where(h => h.HourStartUtc.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday).Sum(h => h.Ticks.Count);
        Assert.True(weekendTicks > 1000, $"BTCUSD weekend ticks: {weekendTicks}");
    }

    [Fact]
    public void GenerateHour_UsDstWeek_WeekendClosureMovesOneHourEarlierInUtc()
    {
        var sim = new MarketSimulator(SimulationAssert.Small("EURUSD") with { MissingHourRate = 0 });
        HourStatus Status(DateTime t) => sim.GenerateHour("EURUSD", t).Status;

        // Before the switch (EST, UTC-5): Friday 17:00 New York is 22:00 UTC.
        Assert.Equal(HourStatus.Trading, Status(Utc(3, 8, 21)));
        Assert.Equal(HourStatus.Closed, Status(Utc(3, 8, 22)));
        // The reopening on Sunday 2024-03-10 is already on daylight time (EDT, UTC-4): 21:00 UTC.
        Assert.Equal(HourStatus.Closed, Status(Utc(3, 10, 20)));
        Assert.Equal(HourStatus.Trading, Status(Utc(3, 10, 21)));
        // After the switch: Friday closes at 21:00 UTC.
        Assert.Equal(HourStatus.Trading, Status(Utc(3, 15, 20)));
        Assert.Equal(HourStatus.Closed, Status(Utc(3, 15, 21)));
        Assert.Equal(HourStatus.Trading, Status(Utc(3, 17, 21)));
        // So the first weekend is 47 hours, the next ones 48.
        Assert.Equal(47 + 48 + 48, sim.Manifest.For("EURUSD").ClosedHours);
    }

    [Fact]
    public void GenerateSymbol_RolloverHour_SpreadWiderThanMidSession()
    {
        var sim = new MarketSimulator(SimulationAssert.Small());
        foreach (var symbol in sim.Options.Symbols)
        {
            double rolloverSum = 0, sessionSum = 0;
            long rolloverCount = 0, sessionCount = 0;
            foreach (var hour in sim.GenerateSymbol(symbol))
            {
                var rollover = TradingCalendar.RolloverUtc(hour.HourStartUtc);
                for (var i = 0; i < hour.Ticks.Count; i++)
                {
                    var t = hour.Ticks.TimeAt(i);
                    var spread = hour.Ticks.Asks[i] - hour.Ticks.Bids[i];
                    if (Math.Abs((t - rollover).TotalMinutes) <= 15)
                    {
                        rolloverSum += spread;
                        rolloverCount++;
                    }
                    else if (t.Hour is >= 13 and < 16)
                    {
                        sessionSum += spread;
                        sessionCount++;
                    }
                }
            }
            var atRollover = rolloverSum / rolloverCount;
            var midSession = sessionSum / sessionCount;
            Assert.True(atRollover > 3 * midSession, $"{symbol}: rollover spread {atRollover} vs mid-session {midSession}");
        }
    }

    [Fact]
    public void GenerateSymbol_EveryCataloguedInstrument_TicksValidOnThePointGridInsideTheirHour()
    {
        var symbols = InstrumentCatalog.Default.All.Select(i => i.Symbol).ToArray();
        var sim = new MarketSimulator(SimulationAssert.Small(symbols) with
        {
            EndUtc = Utc(3, 11, 0),
            SpikeRate = 0.001,
            CrossedQuoteRate = 0.001,
        });

        foreach (var instrument in sim.Instruments)
        {
            var validator = new TickValidator(instrument, new TickValidationOptions { CrossedQuotes = TickPolicy.Keep });
            long ticks = 0;
            foreach (var hour in sim.GenerateSymbol(instrument.Symbol))
            {
                var c = hour.Ticks;
                var hourMicros = TickTime.ToMicros(hour.HourStartUtc);
                for (var i = 0; i < c.Count; i++)
                {
                    Assert.InRange(c.Timestamps[i], hourMicros, hourMicros + TickTime.MicrosPerHour - 1);
                    Assert.Equal(0, c.Timestamps[i] % TickTime.MicrosPerMilli);
                    Assert.Equal(c.Bids[i], instrument.ToPoints(c.Bids[i]) / (double)instrument.DecimalFactor);
                    Assert.Equal(c.Asks[i], instrument.ToPoints(c.Asks[i]) / (double)instrument.DecimalFactor);
                }
                if (validator.CheckAll(c) is { } bad)
                {
                    Assert.Fail($"{hour}: tick {bad.Index}: {bad.Violation.ToException(null, null).Message}");
                }
                ticks += c.Count;
            }
            Assert.Equal(sim.Manifest.For(instrument.Symbol).Ticks, ticks);
            Assert.True(ticks > 100, $"{instrument}: only {ticks} ticks");
        }
    }

    [Theory]
    [InlineData("EURUSD", 1.09)]
    [InlineData("USDJPY", 148)]
    [InlineData("XAUUSD", 2150)]
    [InlineData("BTCUSD", 65000)]
    [InlineData("USDTRY", 10)] // not in the profile table: the middle of [0.5, 200] in log space
    public void GenerateSymbol_FirstTick_StartsNearTheRealisticLevel(string symbol, double level)
    {
        var sim = new MarketSimulator(SimulationAssert.Small(symbol));

        var first = sim.GenerateSymbol(symbol).First(h => h.Ticks.Count > 0).Ticks;

        Assert.InRange((first.Bids[0] + first.Asks[0]) / 2, level * 0.97, level * 1.03);
    }

    [Theory]
    [InlineData("EURUSD", 1.0, 30.0)]
    [InlineData("XAUUSD", 0.00001, 0.01)]
    [InlineData("BTCUSD", 0.000001, 0.0001)]
    public void GenerateSymbol_Volumes_InMillionsLikeDukascopy(string symbol, double min, double max)
    {
        var sim = new MarketSimulator(SimulationAssert.Small(symbol));

        foreach (var hour in sim.GenerateSymbol(symbol).Take(48))
        {
            foreach (var v in hour.Ticks.BidVolumes)
            {
                Assert.InRange(v, min * 0.999, max);
            }
            foreach (var v in hour.Ticks.AskVolumes)
            {
                Assert.InRange(v, min * 0.999, max);
            }
        }
    }

    [Fact]
    public void GenerateHour_DefaultRate_EurUsdBusyHourHasThousandsOfTicksAndQuietHourFewer()
    {
        var sim = new MarketSimulator();

        var overlap = sim.GenerateHour("EURUSD", Utc(3, 6, 14));
        var afterRollover = sim.GenerateHour("EURUSD", Utc(3, 6, 22));

        Assert.InRange(overlap.Ticks.Count, 3_000, 15_000);
        Assert.True(afterRollover.Ticks.Count * 3 < overlap.Ticks.Count,
            $"after rollover {afterRollover.Ticks.Count}, overlap {overlap.Ticks.Count}");
        // Bursts: the busiest second of the busy hour runs at several ticks per second.
        var perSecond = overlap.Ticks.Timestamps.ToArray().GroupBy(t => t / 1_000_000).Max(g => g.Count());
        Assert.InRange(perSecond, 5, 60);
    }

    [Fact]
    public void GenerateSymbol_Seasonality_LondonNewYorkOverlapBusierThanLateNewYorkAndAsia()
    {
        var sim = new MarketSimulator(SimulationAssert.Small("EURUSD") with { TickRateScale = 0.1 });
        var byHour = new double[24];
        var days = new int[24];
        foreach (var hour in sim.GenerateSymbol("EURUSD").Where(h => h.Status == HourStatus.Trading))
        {
            byHour[hour.HourStartUtc.Hour] += hour.Ticks.Count;
            days[hour.HourStartUtc.Hour]++;
        }
        double Mean(int from, int to) => Enumerable.Range(from, to - from).Sum(h => byHour[h]) / Enumerable.Range(from, to - from).Sum(h => days[h]);

        var overlap = Mean(13, 16);
        var asia = Mean(1, 6);
        var lateNewYork = Mean(21, 24);
        Assert.True(overlap > 1.8 * asia, $"overlap {overlap}, Asia {asia}");
        Assert.True(asia > lateNewYork, $"Asia {asia}, late New York {lateNewYork}");
    }

    [Fact]
    public void GenerateSymbol_BadTicks_InjectedAtAboutTheConfiguredRatesAndRecorded()
    {
        const double spikeRate = 0.002, crossedRate = 0.001;
        var sim = new MarketSimulator(SimulationAssert.Small("EURUSD", "XAUUSD", "BTCUSD") with
        {
            TickRateScale = 0.05,
            SpikeRate = spikeRate,
            CrossedQuoteRate = crossedRate,
        });

        foreach (var instrument in sim.Instruments)
        {
            long ticks = 0, spikes = 0, crossed = 0;
            foreach (var hour in sim.GenerateSymbol(instrument.Symbol))
            {
                var c = hour.Ticks;
                ticks += c.Count;
                spikes += hour.SpikeIndices.Count;
                crossed += hour.CrossedQuoteIndices.Count;
                var crossedHere = Enumerable.Range(0, c.Count).Where(i => c.Asks[i] < c.Bids[i]).ToList();
                Assert.Equal(crossedHere, hour.CrossedQuoteIndices);
                Assert.Empty(hour.SpikeIndices.Intersect(hour.CrossedQuoteIndices));
                AssertSpikesStandOut(hour);
            }
            var truth = sim.Manifest.For(instrument.Symbol);
            Assert.Equal(truth.Ticks, ticks);
            Assert.Equal(truth.Spikes, spikes);
            Assert.Equal(truth.CrossedQuotes, crossed);
            AssertAboutRate(instrument.Symbol + " spikes", spikes, ticks, spikeRate);
            AssertAboutRate(instrument.Symbol + " crossed quotes", crossed, ticks, crossedRate);
        }
    }

    [Fact]
    public void GenerateSymbol_MissingHours_TradingHoursWithoutTicksListedInTheManifest()
    {
        var sim = new MarketSimulator(SimulationAssert.Small() with { MissingHourRate = 0.05 });

        foreach (var instrument in sim.Instruments)
        {
            var hours = sim.GenerateSymbol(instrument.Symbol).ToList();
            var missing = hours.Where(h => h.Status == HourStatus.Missing).ToList();
            var truth = sim.Manifest.For(instrument.Symbol);
            Assert.Equal(truth.MissingHours, missing.Select(h => h.HourStartUtc));
            Assert.InRange(missing.Count, 5, 40); // about 5 % of 360 trading hours
            Assert.All(missing, h => Assert.Equal(0, h.Ticks.Count));
            Assert.All(missing, h => Assert.True(TradingCalendar.IsOpen(instrument, h.HourStartUtc)));
            Assert.Equal(sim.HourCount, truth.TradingHours + truth.ClosedHours + truth.MissingHours.Count);
        }
    }

    [Fact]
    public void Manifest_DefaultRun_HasAFewMissingHoursAndBadTicks()
    {
        var manifest = new MarketSimulator().Manifest;

        Assert.InRange(manifest.MissingHours.Count(), 1, 15);
        Assert.All(manifest.Symbols, s => Assert.True(s.Spikes > 0 && s.CrossedQuotes > 0, s.Symbol));
        Assert.All(manifest.Symbols, s => Assert.InRange(s.Ticks, 500_000, 4_000_000));
    }

    [Fact]
    public void Manifest_Regimes_ContiguousTimelineThatChangesAndShowsInVolatility()
    {
        var sim = new MarketSimulator(SimulationAssert.Small("EURUSD", "USDJPY", "XAUUSD", "BTCUSD") with { TickRateScale = 0.05 });
        var variance = new Dictionary<MarketRegime, (double Sum, long Count)>();

        foreach (var truth in sim.Manifest.Symbols)
        {
            var regimes = truth.Regimes;
            Assert.True(regimes.Count >= 2, $"{truth.Symbol}: {regimes.Count} regime(s)");
            Assert.Equal(sim.StartUtc, regimes[0].StartUtc);
            Assert.Equal(sim.EndUtc, regimes[^1].EndUtc);
            for (var i = 1; i < regimes.Count; i++)
            {
                Assert.Equal(regimes[i - 1].EndUtc, regimes[i].StartUtc);
                Assert.NotEqual(regimes[i - 1].Regime, regimes[i].Regime);
            }
            Assert.All(regimes, r => Assert.Equal(r.Regime == MarketRegime.Trending, r.TrendDirection != 0));

            foreach (var hour in sim.GenerateSymbol(truth.Symbol).Where(h => h.Ticks.Count > 10))
            {
                var mids = SimulationAssert.Mids(hour.Ticks);
                var r = Math.Log(mids[^1] / mids[0]);
                var (sum, count) = variance.GetValueOrDefault(hour.Regime!.Value);
                variance[hour.Regime.Value] = (sum + (r * r), count + 1);
            }
        }
        double Var(MarketRegime regime) => variance[regime].Sum / variance[regime].Count;
        Assert.True(Var(MarketRegime.Volatile) > 2 * Var(MarketRegime.Calm),
            $"hourly return variance: volatile {Var(MarketRegime.Volatile)}, calm {Var(MarketRegime.Calm)}");
    }

    private static void AssertAboutRate(string what, long count, long trials, double rate)
    {
        var expected = trials * rate;
        var tolerance = (5 * Math.Sqrt(expected)) + 2;
        Assert.True(Math.Abs(count - expected) <= tolerance, $"{what}: {count} in {trials} ticks, expected about {expected:F0}");
    }

    private static void AssertSpikesStandOut(SimulatedHour hour)
    {
        var c = hour.Ticks;
        if (c.Count < 2)
        {
            return;
        }
        var mids = SimulationAssert.Mids(c);
        var steps = Enumerable.Range(1, mids.Length - 1).Select(i => Math.Abs(mids[i] - mids[i - 1])).Order().ToArray();
        var typicalStep = Math.Max(steps[steps.Length / 2], hour.Instrument.Point);
        foreach (var i in hour.SpikeIndices)
        {
            var neighbours = Enumerable.Range(i - 3, 7)
                .Where(j => j != i && j >= 0 && j < c.Count && !hour.SpikeIndices.Contains(j))
                .Select(j => mids[j]).Order().ToArray();
            if (neighbours.Length == 0)
            {
                continue;
            }
            var reference = neighbours[neighbours.Length / 2];
            Assert.True(Math.Abs(mids[i] - reference) > 10 * typicalStep,
                $"{hour}: spike {i} at {mids[i]} vs neighbours {reference}, typical step {typicalStep}");
            Assert.True(hour.Instrument.IsPlausible(c.Bids[i]) && hour.Instrument.IsPlausible(c.Asks[i]));
        }
    }
}

using TickKernelExtensions.Execution;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;
using static TickKernelExtensions.Tests.Backtesting.Engine.EngineTestData;

namespace TickKernelExtensions.Tests.Execution;

/// <summary>Signals and tick/signal streams for the demo executor tests.</summary>
internal static class DemoStreams
{
    public static TradeSignal Signal(SignalAction action, long at, long lifetime = 60 * Second, string symbol = "EURUSD", double confidence = 0.7) => new()
    {
        Symbol = symbol,
        Time = TickTime.FromMicros(at),
        Expiry = TickTime.FromMicros(at + lifetime),
        Action = action,
        Confidence = confidence,
        ModelName = "test",
        ModelVersion = "1",
    };

    /// <summary>
    /// Seeded random signals over <paramref name="ticks"/>: about one per 25 ticks, some between ticks, some two due on
    /// the same tick, lifetimes 0.2–20 s, confidence 0.2–1, in time order.
    /// </summary>
    public static List<TradeSignal> RandomSignals(TickColumns ticks, int seed = 11)
    {
        var random = new Random(seed);
        var times = ticks.Timestamps;
        var signals = new List<TradeSignal>();
        for (var i = 1; i < times.Length; i++)
        {
            if (random.Next(25) != 0)
            {
                continue;
            }
            var count = random.Next(4) == 0 ? 2 : 1;
            for (var c = 0; c < count; c++)
            {
                var at = times[i - 1] + 1 + random.NextInt64(times[i] - times[i - 1]);
                var action = (SignalAction)random.Next(3);
                signals.Add(Signal(action, at, (200 + random.Next(19_800)) * Ms, confidence: Math.Round(0.2 + (0.8 * random.NextDouble()), 3)));
            }
        }
        return [.. signals.OrderBy(s => s.TimeMicros)];
    }

    /// <summary>One event of a stream: a tick or a signal.</summary>
    public readonly record struct StreamEvent(long Time, double Bid, double Ask, TradeSignal? Signal);

    /// <summary>
    /// The stream a live feed would deliver: each signal just before the first tick at or after its time (so it is
    /// queued and decided on that tick, as the backtester's clock reaches it), ticks in order.
    /// </summary>
    public static List<StreamEvent> Merge(TickColumns ticks, IReadOnlyList<TradeSignal> signals)
    {
        var events = new List<StreamEvent>();
        var next = 0;
        for (var i = 0; i < ticks.Count; i++)
        {
            var t = ticks.Timestamps[i];
            while (next < signals.Count && signals[next].TimeMicros <= t)
            {
                events.Add(new StreamEvent(0, 0, 0, signals[next++]));
            }
            events.Add(new StreamEvent(t, ticks.Bids[i], ticks.Asks[i], null));
        }
        return events;
    }

    /// <summary>Feeds <paramref name="events"/> (EURUSD ticks and signals) to <paramref name="executor"/>.</summary>
    public static void Feed(DemoExecutor executor, IEnumerable<StreamEvent> events)
    {
        foreach (var e in events)
        {
            if (e.Signal is { } s)
            {
                executor.OnSignal(s);
            }
            else
            {
                executor.OnTick("EURUSD", e.Time, e.Bid, e.Ask);
            }
        }
    }

    public static string Json(DemoExecutorState state) => System.Text.Json.JsonSerializer.Serialize(state);
}

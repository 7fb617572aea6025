using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace Serving.Host;

/// <summary>
/// Ticks in, signals out, for every symbol: each symbol has a gate (a lock and the time of its last accepted tick)
/// that serialises its ticks, while different symbols run in parallel. A tick is scored by the generation of the
/// lease the request holds; the gate's last time outlives reloads, so ordering is enforced across model swaps too.
/// Accepted ticks and served signals also go to the optional demo account (inside the gate, so in each symbol's order).
/// Thread safe.
/// </summary>
internal sealed class SignalService(
    ModelSlot slot, ServingMetrics metrics, SignalBroadcaster broadcaster, RecentSignals recent, DemoAccount demo, ServingHostOptions options, ILogger<SignalService> log)
{
    private readonly ConcurrentDictionary<string, SymbolGate> _gates = new(StringComparer.Ordinal);

    public ModelSlot Slot => slot;

    /// <summary>
    /// Scores one tick with <paramref name="lease"/>'s model; appends its signals to <paramref name="signals"/>.
    /// Returns null, or the problem when the tick is before the symbol's last one or its bid or ask jumps more than
    /// <see cref="ServingHostOptions.MaxPriceJump"/> from the symbol's last accepted tick (nothing changes then).
    /// </summary>
    public TickProblem? OnTick(ModelLease lease, TickInput tick, string path, List<SignalEvent> signals)
    {
        var gate = _gates.GetOrAdd(tick.Symbol, _ => new SymbolGate());
        var produced = new List<TradeSignal>(1);
        lock (gate)
        {
            if (tick.TimeMicros < gate.LastTime)
            {
                return new TickProblem($"{path}.time", $"at or after {TickTime.FromMicros(gate.LastTime):O} ({tick.Symbol}'s last tick)",
                    $"{TickTime.FromMicros(tick.TimeMicros):O}", $"Ticks of {tick.Symbol} must arrive in time order.");
            }
            if ((Jump(tick, "bid", tick.Bid, gate.LastBid, path) ?? Jump(tick, "ask", tick.Ask, gate.LastAsk, path)) is { } jump)
            {
                return jump;
            }
            var streams = lease.Model.StreamsFor(tick.Symbol);
            var time = options.TimeProvider;
            var start = time.GetTimestamp();
            streams.Primary.OnTick(tick.TimeMicros, tick.Bid, tick.Ask, tick.BidVolume, tick.AskVolume, produced);
            List<TradeSignal>? shadow = null;
            if (streams.Shadow is not null)
            {
                shadow = new List<TradeSignal>(1);
                streams.Shadow.OnTick(tick.TimeMicros, tick.Bid, tick.Ask, tick.BidVolume, tick.AskVolume, shadow);
            }
            metrics.Tick(time.GetElapsedTime(start));
            (gate.LastTime, gate.LastBid, gate.LastAsk) = (tick.TimeMicros, tick.Bid, tick.Ask);
            // The demo account sees what a remote executor would: the tick, then the signals it produced.
            demo.OnTick(tick);
            foreach (var signal in produced)
            {
                var e = SignalWire.ToEvent(signal);
                metrics.Signal(signal);
                broadcaster.Publish(e);
                recent.Add(e);
                demo.OnSignal(signal);
                signals.Add(e);
            }
            if (shadow is not null)
            {
                LogShadow(produced, shadow);
            }
        }
        return null;
    }

    private TickProblem? Jump(TickInput tick, string field, double price, double last, string path)
    {
        var limit = options.MaxPriceJump;
        if (!(last > 0) || Math.Abs(price / last - 1) <= limit)
        {
            return null;
        }
        var (low, high) = (Bound(last * (1 - limit)), Bound(last * (1 + limit)));
        var percent = (limit * 100).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
        return new TickProblem($"{path}.{field}", $"within ±{percent} % of {tick.Symbol}'s last accepted {field} {TickParser.F(last)} ({low} … {high})",
            TickParser.F(price), $"\"{field}\" moved {((price / last - 1) * 100).ToString("+0.##;-0.##", System.Globalization.CultureInfo.InvariantCulture)} % from {tick.Symbol}'s last accepted tick: more than the host's limit (MaxPriceJump).");
    }

    // Ten significant digits: 1.1 × 1.1 shows as 1.21, not 1.2100000000000002.
    private static string Bound(double price) => price.ToString("G10", System.Globalization.CultureInfo.InvariantCulture);

    private void LogShadow(List<TradeSignal> produced, List<TradeSignal> shadow)
    {
        foreach (var s in shadow)
        {
            var primary = produced.FirstOrDefault(p => p.Time == s.Time);
            var disagrees = primary is null || primary.Action != s.Action;
            metrics.ShadowSignal(s, disagrees);
            log.LogInformation("Shadow {ShadowModel} {ShadowVersion} on {Symbol} at {Time:O}: {ShadowAction} ({ShadowConfidence:F4}); served: {ServedAction}",
                s.ModelName, s.ModelVersion, s.Symbol, s.Time, ServingMetrics.Name(s.Action), s.Confidence,
                primary is null ? "none" : ServingMetrics.Name(primary.Action));
        }
    }

    private sealed class SymbolGate
    {
        public long LastTime { get; set; } = long.MinValue;

        public double LastBid { get; set; }

        public double LastAsk { get; set; }
    }
}

/// <summary>The wire form of a signal: <see cref="TradeSignalJson"/>'s object with its id (<see cref="Mt5SignalExport.IdOf"/>) first.</summary>
internal static class SignalWire
{
    /// <summary>The signal's id and wire JSON, serialising it once.</summary>
    public static SignalEvent ToEvent(TradeSignal signal)
    {
        var json = TradeSignalJson.Serialize(signal);
        var id = Mt5SignalExport.IdOfJson(json);
        return new SignalEvent(id, string.Concat("{\"id\":\"", id, "\",", json.AsSpan(1)));
    }
}

using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Modeling.Online;

/// <summary>
/// One symbol's live state: ticks in, signals out. Ticks go into a <see cref="TimeBarBuilder"/> (the gold stage's bars);
/// each bar a tick closes is scored by a <see cref="BarScorer"/> with that tick's time as the clock, exactly as the
/// backtester's model strategy does, so streamed ticks give the signals the backtest gave. Not thread safe: the caller
/// serialises a symbol's ticks (they must be in time order anyway).
/// </summary>
public sealed class OnlineSignalStream
{
    private readonly TimeBarBuilder _builder;
    private readonly BarScorer _scorer;
    private readonly TickColumns _one = new(1);
    private readonly BarColumns _closed = new(4);

    /// <summary>A stream of <paramref name="symbol"/> scored by <paramref name="bundle"/>.</summary>
    public OnlineSignalStream(ModelBundle bundle, string symbol, TimeBarOptions bars, TimeSpan signalLifetime)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentNullException.ThrowIfNull(bars);
        Symbol = symbol;
        _builder = new TimeBarBuilder(bars);
        _scorer = new BarScorer(bundle, signalLifetime);
    }

    /// <summary>The stream's symbol.</summary>
    public string Symbol { get; }

    /// <summary>The scorer (features of the last closed bar, counts).</summary>
    public BarScorer Scorer => _scorer;

    /// <summary>Time of the last tick accepted (UTC µs), or <see cref="long.MinValue"/> before the first.</summary>
    public long LastTime { get; private set; } = long.MinValue;

    /// <summary>Ticks accepted.</summary>
    public long Ticks { get; private set; }

    /// <summary>Bars closed.</summary>
    public long Bars { get; private set; }

    /// <summary>
    /// Takes one tick; appends the signals of the bars it closed (none, or one; more only after a gap with
    /// carried-forward bars) to <paramref name="signals"/> and returns how many.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The tick is before the last one, or its prices are not positive and finite.</exception>
    public int OnTick(long time, double bid, double ask, float bidVolume, float askVolume, ICollection<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (time < LastTime)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Tick at {TickTime.FromMicros(time):O} is before the last one of {Symbol} at {TickTime.FromMicros(LastTime):O}: ticks must arrive in time order.");
        }
        if (!(bid > 0 && ask > 0 && double.IsFinite(bid) && double.IsFinite(ask)))
        {
            throw new ArgumentOutOfRangeException(nameof(bid), $"bid {bid}, ask {ask}", "Prices must be positive and finite.");
        }
        _one.Clear();
        _one.Add(time, bid, ask, bidVolume, askVolume);
        _closed.Clear();
        _builder.Add(_one, _closed);
        LastTime = time;
        Ticks++;
        var added = 0;
        for (var k = 0; k < _closed.Count; k++)
        {
            Bars++;
            if (_scorer.TryScore(Symbol, _closed[k], time, out var signal))
            {
                signals.Add(signal);
                added++;
            }
        }
        return added;
    }
}

using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// Replays precomputed <see cref="TradeSignal"/>s (from a model run offline, a file, the serving host's log). Each
/// signal is acted on at the first tick at or after its <see cref="TradeSignal.Time"/> (the engine's clock reaching
/// it), if it is still live then; later signals due on the same tick supersede earlier ones. Checked at start: every
/// signal valid, for the run's symbol, inside the ticks' time range; they are ordered by time (stable).
/// </summary>
public sealed class SignalStrategy : BacktestStrategy
{
    private readonly TradeSignal[] _signals;
    private readonly SignalTrading _trading;
    private int _next;

    /// <summary>A strategy that replays <paramref name="signals"/> with <paramref name="trading"/> (default <see cref="SignalTrading.Default"/>).</summary>
    /// <exception cref="BacktestException">InvalidOptions when <paramref name="trading"/> has bad fields.</exception>
    public SignalStrategy(IEnumerable<TradeSignal> signals, SignalTrading? trading = null)
    {
        ArgumentNullException.ThrowIfNull(signals);
        _signals = [.. signals];
        _trading = trading ?? SignalTrading.Default;
        var errors = new List<string>();
        _trading.Validate(errors, "trading");
        if (errors.Count > 0)
        {
            throw BacktestException.InvalidOptions("signal trading options", errors);
        }
    }

    /// <summary>Signals acted on (orders submitted) so far.</summary>
    public int Acted { get; private set; }

    /// <summary>Signals that were no longer live when the clock reached them, or superseded on the same tick.</summary>
    public int Skipped { get; private set; }

    /// <inheritdoc />
    public override void OnStart(BacktestStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        for (var i = 0; i < _signals.Length; i++)
        {
            var s = _signals[i] ?? throw new BacktestException(BacktestErrorKind.InvalidInput, "A signal is null.") { Field = "signals", Row = i };
            try
            {
                s.Validate();
            }
            catch (Modeling.ModelingException e)
            {
                throw new BacktestException(BacktestErrorKind.InvalidInput, $"Signal {i} is invalid: {e.Message}", e) { Field = "signals", Row = i };
            }
            if (!string.Equals(s.Symbol, start.Symbol, StringComparison.OrdinalIgnoreCase)
                && (!InstrumentCatalog.Default.TryGet(s.Symbol, out var instrument) || instrument.Symbol != start.Symbol))
            {
                throw new BacktestException(BacktestErrorKind.UnknownSymbol,
                    instrument is null ? $"Signal {i} is for an unknown instrument." : $"Signal {i} is for another instrument than the ticks.")
                { Field = nameof(TradeSignal.Symbol), Row = i, Expected = start.Symbol, Actual = s.Symbol };
            }
            if (s.TimeMicros < start.FirstTime || s.TimeMicros > start.LastTime)
            {
                throw new BacktestException(BacktestErrorKind.OutOfRange, $"Signal {i} is outside the ticks' time range: it would be acted on without data.")
                {
                    Field = nameof(TradeSignal.Time), Row = i,
                    Expected = $"in [{TickTime.FromMicros(start.FirstTime):O}, {TickTime.FromMicros(start.LastTime):O}]",
                    Actual = s.Time.ToString("O"),
                };
            }
        }
        Array.Sort(_signals.Select((s, i) => (s.TimeMicros, i)).ToArray(), _signals);
        _next = 0;
        Acted = 0;
        Skipped = 0;
    }

    /// <inheritdoc />
    public override void OnTick(in TickWindow window, Account account, OrderList orders)
    {
        if (_next >= _signals.Length || _signals[_next].TimeMicros > window.Time)
        {
            return;
        }
        var t = window.Time;
        var last = _next;
        while (_next < _signals.Length && _signals[_next].TimeMicros <= t)
        {
            last = _next++;
        }
        Skipped += _next - last - 1;
        var signal = _signals[last];
        if (t >= signal.ExpiryMicros)
        {
            Skipped++;
            return;
        }
        if (_trading.Apply(signal, account, orders))
        {
            Acted++;
        }
    }
}

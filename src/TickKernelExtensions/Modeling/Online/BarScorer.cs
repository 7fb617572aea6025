using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Online;

/// <summary>
/// Closed bar → feature row → model inputs → score → <see cref="TradeSignal"/>: the one path the backtester's
/// <see cref="Backtesting.Engine.ModelStrategy"/> and the serving host both run, so a model trades in the backtest
/// exactly as it will live. The feature row comes from a <see cref="FeatureSetCalculator"/> for the bundle's feature set,
/// updated bar by bar (the same code the gold stage runs over a whole table); a row with a NaN or infinite input (warm-up)
/// gives no signal, as it gives no training sample. Not thread safe: one instance per symbol stream.
/// </summary>
public sealed class BarScorer
{
    private readonly ModelBundle _bundle;
    private readonly long _lifetimeMicros;
    private readonly double[] _row;
    private readonly float[] _inputs;
    private FeatureSetCalculator _calculator;

    /// <summary>A scorer for <paramref name="bundle"/>; signals expire <paramref name="signalLifetime"/> after the clock.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A lifetime that is not positive whole microseconds.</exception>
    public BarScorer(ModelBundle bundle, TimeSpan signalLifetime)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (signalLifetime <= TimeSpan.Zero || signalLifetime.Ticks % 10 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(signalLifetime), signalLifetime, "The signal lifetime must be positive whole microseconds.");
        }
        _bundle = bundle;
        _lifetimeMicros = signalLifetime.Ticks / 10;
        _calculator = new FeatureSetCalculator(bundle.FeatureSet);
        _row = new double[_calculator.Columns.Count];
        _inputs = new float[bundle.Signature.VectorLength];
    }

    /// <summary>The bundle scored.</summary>
    public ModelBundle Bundle => _bundle;

    /// <summary>The feature columns of <see cref="Row"/>, in order (the bundle's feature set).</summary>
    public IReadOnlyList<string> Columns => _calculator.Columns;

    /// <summary>The feature row of the last bar given (NaN during warm-up), for inspection and parity checks.</summary>
    public ReadOnlySpan<double> Row => _row;

    /// <summary>Bars scored.</summary>
    public int Scored { get; private set; }

    /// <summary>Bars that gave no signal because an input was not finite (warm-up).</summary>
    public int WarmUp { get; private set; }

    /// <summary>
    /// Updates the features with <paramref name="bar"/> and, unless an input is not finite, scores it into a signal
    /// stamped <paramref name="clock"/> (the time of the tick that closed the bar: when the bar became known).
    /// </summary>
    public bool TryScore(string symbol, in Bar bar, long clock, out TradeSignal signal)
    {
        _calculator.Update(bar, _row);
        _bundle.GatherInputs(_row, _inputs);
        foreach (var x in _inputs)
        {
            if (!float.IsFinite(x))
            {
                WarmUp++;
                signal = null!;
                return false;
            }
        }
        var score = _bundle.Score(_inputs);
        Scored++;
        signal = _bundle.ToSignal(symbol, TickTime.FromMicros(clock), TickTime.FromMicros(clock + _lifetimeMicros), score);
        return true;
    }

    /// <summary>Forgets every bar (a new stream starts warming up again).</summary>
    public void Reset()
    {
        _calculator = new FeatureSetCalculator(_bundle.FeatureSet);
        Array.Fill(_row, double.NaN);
        (Scored, WarmUp) = (0, 0);
    }
}

using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The event-driven tick backtester: replays one instrument's quote ticks through a <see cref="BacktestStrategy"/>
/// with bid/ask fills, latency, slippage, commission, swap, leverage and margin calls (see <c>docs/design.md</c>,
/// "Backtesting: the tick engine"). Deterministic: the same ticks, strategy, options and seed give identical trades
/// and equity. Runs on the caller's thread; independent runs may go in parallel (a strategy instance per run).
/// </summary>
public static class TickBacktester
{
    /// <summary>Runs <paramref name="strategy"/> over <paramref name="ticks"/> of <paramref name="symbol"/>.</summary>
    /// <param name="symbol">The ticks' instrument, as the catalogue knows it.</param>
    /// <param name="ticks">Quote ticks in time order (UTC µs), positive finite bid and ask.</param>
    /// <param name="strategy">A fresh strategy instance.</param>
    /// <param name="options">Account and execution settings; null = <see cref="BacktestOptions.Default"/>.</param>
    /// <param name="catalog">Instrument metadata; null = <see cref="InstrumentCatalog.Default"/>.</param>
    /// <exception cref="BacktestException">Bad options (all fields listed), unknown symbol, unusable ticks, an invalid order or signal.</exception>
    public static BacktestResult Run(string symbol, TickColumns ticks, BacktestStrategy strategy, BacktestOptions? options = null, InstrumentCatalog? catalog = null)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(strategy);
        options ??= BacktestOptions.Default;
        options.Validate();
        if (!(catalog ?? InstrumentCatalog.Default).TryGet(symbol, out var instrument))
        {
            throw new BacktestException(BacktestErrorKind.UnknownSymbol, $"Unknown instrument '{symbol}': its contract and point size are not known.")
            { Field = "symbol", Expected = "a catalogued instrument", Actual = symbol };
        }
        CheckTicks(ticks);
        var run = new BacktestRun(instrument, options.Contract ?? ContractSpec.For(instrument), ticks, strategy, options);
        return run.Execute();
    }

    private static void CheckTicks(TickColumns ticks)
    {
        if (ticks.Count == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, "There are no ticks to backtest.") { Field = "ticks", Expected = "at least one tick", Actual = "0" };
        }
        ReadOnlySpan<long> times = ticks.Timestamps;
        ReadOnlySpan<double> bids = ticks.Bids;
        ReadOnlySpan<double> asks = ticks.Asks;
        var last = long.MinValue;
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] < last)
            {
                throw new BacktestException(BacktestErrorKind.InvalidInput, "Ticks must be in time order.")
                { Field = "timestamp", Row = i, Expected = $"≥ {TickTime.FromMicros(last):O}", Actual = TickTime.FromMicros(times[i]).ToString("O") };
            }
            last = times[i];
            if (!(bids[i] > 0 && asks[i] > 0 && double.IsFinite(bids[i]) && double.IsFinite(asks[i])))
            {
                throw new BacktestException(BacktestErrorKind.InvalidInput, "A tick has a price that cannot be traded.")
                { Field = bids[i] > 0 && double.IsFinite(bids[i]) ? "ask" : "bid", Row = i, Expected = "a positive finite price", Actual = $"bid {bids[i]}, ask {asks[i]}" };
            }
        }
    }
}

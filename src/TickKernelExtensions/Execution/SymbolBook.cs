using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Execution;

/// <summary>
/// One symbol's part of the demo account: its clock (last tick time), positions and pending-entry counts in the
/// engine's own <see cref="Account"/> (so <see cref="SignalTrading"/> decides on exactly what the backtester sees),
/// orders in flight and signals waiting for their time.
/// </summary>
internal sealed class SymbolBook
{
    private readonly double _fixedRate;
    private readonly bool _inverseMid;

    public SymbolBook(Instrument instrument, BacktestOptions options)
    {
        Instrument = instrument;
        Contract = options.Contract ?? ContractSpec.For(instrument);
        Account = new Account(options.InitialBalance, options.Leverage);
        var account = options.AccountCurrency.Trim();
        if (options.QuoteToAccountRate is { } rate)
        {
            _fixedRate = rate;
        }
        else if (string.Equals(Contract.QuoteCurrency, account, StringComparison.OrdinalIgnoreCase))
        {
            _fixedRate = 1;
        }
        else if (string.Equals(Contract.BaseCurrency, account, StringComparison.OrdinalIgnoreCase))
        {
            _inverseMid = true;
        }
        else
        {
            throw new ExecutionException(ExecutionErrorKind.InvalidOptions,
                $"{instrument.Symbol} is quoted in {Contract.QuoteCurrency} and neither of its currencies is the account currency, so its P&L cannot be converted from its own prices; set {nameof(BacktestOptions.QuoteToAccountRate)} or leave the symbol out of the allowed symbols.")
            { Field = $"Backtest.{nameof(BacktestOptions.QuoteToAccountRate)}", Expected = $"a {Contract.QuoteCurrency}→{account} rate", Actual = "null" };
        }
    }

    public Instrument Instrument { get; }

    public ContractSpec Contract { get; }

    /// <summary>Positions and pending-entry counts; its balance is unused (the executor holds the one balance).</summary>
    public Account Account { get; }

    /// <summary>Orders in flight or resting, in submission order.</summary>
    public List<DemoOrder> Pending { get; } = [];

    /// <summary>Accepted signals whose time the clock has not reached, by (time, journal sequence).</summary>
    public List<(TradeSignal Signal, string Id, long Seq)> Queue { get; } = [];

    /// <summary>The last tick's time (or the latest clock a journal record carries), UTC µs; null before any.</summary>
    public long? Clock { get; set; }

    /// <summary>The last tick's quote, to mark open positions; null before a tick (also after a restart, until the next tick).</summary>
    public (double Bid, double Ask)? LastQuote { get; set; }

    /// <summary>Quote → account rate at this quote, as the backtester converts.</summary>
    public double Conversion(double bid, double ask) => _inverseMid ? 2 / (bid + ask) : _fixedRate;

    public void Enqueue(TradeSignal signal, string id, long seq)
    {
        var at = Queue.FindLastIndex(q => q.Signal.TimeMicros <= signal.TimeMicros) + 1;
        Queue.Insert(at, (signal, id, seq));
    }

    public void CountPending(DemoOrder order, int delta)
    {
        if (order.Order.Kind != OrderKind.Market)
        {
            return;
        }
        if (order.Order.Side == Modeling.Labels.TradeSide.Long)
        {
            Account.PendingLongEntries += delta;
        }
        else
        {
            Account.PendingShortEntries += delta;
        }
    }
}

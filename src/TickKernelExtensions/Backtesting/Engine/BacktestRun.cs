using System.Runtime.CompilerServices;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// One run's state and its hot loop. Per tick the loop does a handful of comparisons against precomputed triggers
/// (stop and limit levels, the next order arrival, expiry or rollover); only a crossing takes the slow path. Strategy
/// callbacks are made only for the feed the strategy asked for.
/// </summary>
internal sealed partial class BacktestRun
{
    private readonly Instrument _instrument;
    private readonly ContractSpec _contract;
    private readonly TickColumns _ticks;
    private readonly BacktestStrategy _strategy;
    private readonly BacktestOptions _options;
    private readonly Account _account;
    private readonly OrderList _orders = new();
    private readonly List<PendingOrder> _pending = [];
    private readonly List<BacktestTrade> _trades = [];
    private readonly EquityCurve _equity;
    private readonly double _point;
    private readonly double _fixedRate;
    private readonly bool _inverseMid;
    private readonly long _latency;
    private readonly long _jitter;
    private readonly bool _checkEveryTick;
    private ulong _rng;
    private long _sequence;
    private long _positionIds;

    private double _bidLow = double.NegativeInfinity;
    private double _bidHigh = double.PositiveInfinity;
    private double _askLow = double.NegativeInfinity;
    private double _askHigh = double.PositiveInfinity;
    private long _nextEvent = long.MaxValue;

    private readonly Rollovers _rollovers;
    private long _nextRollover;

    private TimeBarBuilder? _barBuilder;
    private BarColumns? _bars;
    private TickColumns? _barScratch;
    private long _barEnd = long.MaxValue;
    private int _fedUpTo;

    private long _countBars, _countOrders, _countEntries, _rejectedMargin, _rejectedSize, _expired, _cancelled;
    private long _stopLosses, _takeProfits, _marginCalls, _rolloverCount;

    public BacktestRun(Instrument instrument, ContractSpec contract, TickColumns ticks, BacktestStrategy strategy, BacktestOptions options)
    {
        _instrument = instrument;
        _contract = contract;
        _ticks = ticks;
        _strategy = strategy;
        _options = options;
        _account = new Account(options.InitialBalance, options.Leverage);
        _equity = new EquityCurve(options.InitialBalance);
        _point = instrument.Point;
        _latency = options.Latency.Ticks / 10;
        _jitter = options.LatencyJitter.Ticks / 10;
        _rng = options.Seed;
        _checkEveryTick = options.CheckEveryTick;
        _rollovers = new Rollovers(options.Rollover);
        var account = options.AccountCurrency.Trim();
        if (options.QuoteToAccountRate is { } rate)
        {
            _fixedRate = rate;
        }
        else if (string.Equals(contract.QuoteCurrency, account, StringComparison.OrdinalIgnoreCase))
        {
            _fixedRate = 1;
        }
        else if (string.Equals(contract.BaseCurrency, account, StringComparison.OrdinalIgnoreCase))
        {
            _inverseMid = true;
        }
        else
        {
            throw new BacktestException(BacktestErrorKind.InvalidOptions,
                $"{instrument.Symbol} is quoted in {contract.QuoteCurrency} and neither of its currencies is the account currency, so its P&L cannot be converted from its own prices; set {nameof(BacktestOptions.QuoteToAccountRate)}.")
            { Field = nameof(BacktestOptions.QuoteToAccountRate), Expected = $"a {contract.QuoteCurrency}→{account} rate", Actual = "null" };
        }
    }

    // Fully optimised at first call: the loop runs once per run, and a tier-0 start would time unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public BacktestResult Execute()
    {
        ReadOnlySpan<long> times = _ticks.Timestamps;
        ReadOnlySpan<double> bids = _ticks.Bids;
        ReadOnlySpan<double> asks = _ticks.Asks;
        var n = times.Length;
        _strategy.OnStart(new BacktestStart(_instrument, _contract, times[0], times[n - 1], _options));
        var feed = _strategy.Feed;
        var wantsTicks = (feed & StrategyFeed.Ticks) != 0;
        var wantsBars = (feed & StrategyFeed.Bars) != 0;
        if (wantsBars)
        {
            _barBuilder = new TimeBarBuilder(_strategy.BarOptions);
            _bars = new BarColumns(16);
            _barScratch = new TickColumns(1024);
            _barEnd = _barBuilder.Interval(times[0]).End;
        }
        _nextRollover = _rollovers.NextAfter(times[0]);
        _nextEvent = _nextRollover;
        Sample(times[0], bids[0], asks[0]);
        var every = _options.EquityEveryTicks;
        var sinceSample = 0;
        for (var i = 0; i < n; i++)
        {
            var t = times[i];
            var bid = bids[i];
            var ask = asks[i];
            if (_checkEveryTick || t >= _nextEvent || bid <= _bidLow || bid >= _bidHigh || ask <= _askLow || ask >= _askHigh)
            {
                Events(i, t, bid, ask);
            }
            if (_account.Count > 0)
            {
                CheckMargin(t, bid, ask);
            }
            if (every > 0 && ++sinceSample >= every)
            {
                Sample(t, bid, ask);
                sinceSample = 0;
            }
            if (t >= _barEnd)
            {
                DeliverBars(i, t, bid, ask, times, bids, asks);
            }
            if (wantsTicks)
            {
                SetQuote(bid, ask);
                _orders.Clear();
                _strategy.OnTick(new TickWindow(times, bids, asks, i + 1), _account, _orders);
                if (_orders.Count > 0)
                {
                    Submit(t, bid, ask);
                }
            }
        }
        Finish(times[n - 1], bids[n - 1], asks[n - 1]);
        return Result(times[0], times[n - 1], n, bids[n - 1], asks[n - 1]);
    }

    private void DeliverBars(int i, long t, double bid, double ask, ReadOnlySpan<long> times, ReadOnlySpan<double> bids, ReadOnlySpan<double> asks)
    {
        var builder = _barBuilder!;
        var bars = _bars!;
        var scratch = _barScratch!;
        scratch.Clear();
        scratch.AddRange(_ticks, _fedUpTo, i + 1 - _fedUpTo);
        _fedUpTo = i + 1;
        bars.Clear();
        builder.Add(scratch, bars);
        _barEnd = builder.Interval(t).End;
        if (bars.Count == 0)
        {
            return;
        }
        SetQuote(bid, ask);
        var window = new TickWindow(times, bids, asks, i + 1);
        for (var k = 0; k < bars.Count; k++)
        {
            _countBars++;
            _orders.Clear();
            _strategy.OnBar(bars[k], window, _account, _orders);
            if (_orders.Count > 0)
            {
                Submit(t, bid, ask);
            }
        }
        Sample(t, bid, ask);
    }

    private void Finish(long t, double bid, double ask)
    {
        if (_options.CloseAtEnd)
        {
            while (_account.Count > 0)
            {
                ClosePosition(_account.List[0], t, bid, ask, "end-of-data", slipped: true);
            }
        }
        Sample(t, bid, ask);
    }

    private BacktestResult Result(long first, long last, int n, double bid, double ask) => new()
    {
        Symbol = _instrument.Symbol,
        Options = _options,
        Contract = _contract,
        Trades = _trades,
        Equity = _equity,
        FinalBalance = _account.Balance,
        FinalEquity = _account.Balance + _account.Unrealized(bid, ask, Conversion(bid, ask)),
        OpenPositions = [.. _account.List],
        FirstTime = first,
        LastTime = last,
        Counts = new BacktestCounts
        {
            Ticks = n,
            Bars = _countBars,
            Orders = _countOrders,
            Entries = _countEntries,
            RejectedMargin = _rejectedMargin,
            RejectedSize = _rejectedSize,
            Expired = _expired,
            Cancelled = _cancelled,
            Unfilled = _pending.Count,
            StopLosses = _stopLosses,
            TakeProfits = _takeProfits,
            MarginCalls = _marginCalls,
            Rollovers = _rolloverCount,
        },
    };

    private double Conversion(double bid, double ask) => _inverseMid ? 2 / (bid + ask) : _fixedRate;

    private void SetQuote(double bid, double ask)
    {
        _account.Bid = bid;
        _account.Ask = ask;
        _account.Conversion = Conversion(bid, ask);
    }

    private void Sample(long t, double bid, double ask) =>
        _equity.Add(t, _account.Balance + _account.Unrealized(bid, ask, Conversion(bid, ask)));
}

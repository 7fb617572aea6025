using System.Globalization;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Signals;

namespace Serving.Host;

/// <summary>
/// The host's optional demo account: a <see cref="DemoExecutor"/> fed the ticks the host accepts and the signals it
/// serves, exactly what a remote executor would consume, and nothing of the model's internals. The executor is not
/// thread safe and symbols are scored in parallel, so one lock serialises every call. An executor error (a symbol
/// whose P&amp;L cannot be converted, an invalid signal) is logged and counted, never turned into a failed tick request:
/// the demo account must not change what the host serves. Thread safe.
/// </summary>
internal sealed class DemoAccount : IDisposable
{
    /// <summary>Fills and closes kept for the account view, newest last.</summary>
    public const int RecentCapacity = 50;

    private readonly Lock _lock = new();
    private readonly DemoExecutor? _executor;
    private readonly string? _journal;
    private readonly string _currency;
    private readonly ILogger _log;
    private readonly Queue<ExecutionRecord> _recent = new();
    private readonly Dictionary<SignalStatus, long> _statuses = [];
    private long _errors;

    /// <summary>Opens the executor on <paramref name="options"/>' journal (resuming it); none when the option is null.</summary>
    /// <exception cref="ExecutionException">The journal is corrupt or belongs to another account, or the options are invalid.</exception>
    public DemoAccount(ServingHostOptions options, ILogger log)
    {
        _log = log;
        _currency = options.Demo.Backtest.AccountCurrency.Trim();
        if (options.DemoJournal is { } path)
        {
            _journal = path;
            _executor = DemoExecutor.Open(path, options.Demo);
        }
    }

    public bool Enabled => _executor is not null;

    public void OnTick(TickInput tick)
    {
        if (_executor is null)
        {
            return;
        }
        lock (_lock)
        {
            try
            {
                Keep(_executor.OnTick(tick.Symbol, tick.TimeMicros, tick.Bid, tick.Ask));
            }
            catch (ExecutionException e)
            {
                Fail(e, tick.Symbol);
            }
        }
    }

    public void OnSignal(TradeSignal signal)
    {
        if (_executor is null)
        {
            return;
        }
        lock (_lock)
        {
            try
            {
                var result = _executor.OnSignal(signal);
                _statuses[result.Status] = _statuses.GetValueOrDefault(result.Status) + 1;
                Keep(result.Records);
            }
            catch (ExecutionException e)
            {
                Fail(e, signal.Symbol);
            }
        }
    }

    /// <summary>The account view <c>GET /v1/demo/account</c> returns; null without a demo account.</summary>
    public object? View(int trades = 20)
    {
        if (_executor is null)
        {
            return null;
        }
        lock (_lock)
        {
            var state = _executor.State();
            return new
            {
                journal = Path.GetFileName(_journal),
                currency = _currency,
                balance = state.Balance,
                equity = _executor.Equity(),
                sequence = state.Sequence,
                positions = state.Positions.Select(p => new
                {
                    symbol = p.Symbol, id = p.Id, side = Side(p.Side), lots = p.Lots, entryTime = Time(p.EntryTime), entryPrice = p.EntryPrice,
                }),
                pendingOrders = state.PendingOrders.Count,
                queuedSignals = state.QueuedSignalIds.Count,
                tradeCount = state.Trades.Count,
                netPnl = state.Trades.Sum(t => t.NetPnl),
                trades = state.Trades.Reverse().Take(trades).Select(t => new
                {
                    symbol = t.Symbol, side = Side(t.Side), lots = t.Lots, entryTime = Time(t.EntryTime), entryPrice = t.EntryPrice,
                    exitTime = Time(t.ExitTime), exitPrice = t.ExitPrice, netPnl = t.NetPnl, exitReason = t.ExitReason,
                }),
                fills = _recent.Reverse().Select(r => new
                {
                    seq = r.Seq, type = r.Type == ExecutionRecordType.Fill ? "fill" : "position-closed", symbol = r.Symbol, orderId = r.OrderId,
                    positionId = r.PositionId, side = r.Side is { } s ? Side(s) : null, lots = r.Lots, price = r.Price,
                    time = r.Clock is { } c ? Time(c) : null, balance = r.Balance,
                }),
                signalsSinceStart = new
                {
                    acted = Count(SignalStatus.Acted), queued = Count(SignalStatus.Queued), rejected = Count(SignalStatus.Rejected),
                    skipped = Count(SignalStatus.Skipped), duplicate = Count(SignalStatus.Duplicate),
                },
                errorsSinceStart = _errors,
            };
        }
    }

    public void Dispose() => _executor?.Dispose();

    private long Count(SignalStatus status) => _statuses.GetValueOrDefault(status);

    private void Keep(IReadOnlyList<ExecutionRecord> records)
    {
        foreach (var r in records)
        {
            if (r.Type is ExecutionRecordType.Fill or ExecutionRecordType.PositionClosed)
            {
                _recent.Enqueue(r);
                if (_recent.Count > RecentCapacity)
                {
                    _recent.Dequeue();
                }
            }
        }
    }

    private void Fail(ExecutionException e, string symbol)
    {
        _errors++;
        _log.LogWarning("Demo account ignored an input of {Symbol}: {Kind}: {Error}", symbol, e.Kind, e.Message);
    }

    private static string Side(TradeSide side) => side == TradeSide.Long ? "long" : "short";

    private static string Time(long micros) => TickTime.FromMicros(micros).ToString("O", CultureInfo.InvariantCulture);
}

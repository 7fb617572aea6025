using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Execution;

/// <summary>
/// A paper account driven live: <see cref="OnTick"/> and <see cref="OnSignal"/> in any interleaving, each symbol's
/// ticks in time order. Fills follow the backtester's rules (docs/design.md, "Execution: the demo executor and its
/// journal"): a signal is decided when its symbol's clock reaches its time, its orders (from <see cref="SignalTrading"/>)
/// arrive after the latency (+ seeded jitter) and act on the first tick strictly after the arrival, a buy at the ask and
/// a sell at the bid (plus slippage), paying commission per lot per side; entries still unfilled at the signal's expiry
/// are dropped. <see cref="DemoRiskLimits"/> gate each decision. Every event is appended to the
/// <see cref="ExecutionJournal"/> and flushed to disk before it changes the state or is returned to the caller, and the
/// state is rebuilt from the journal by <see cref="Open"/>: nothing returned is lost on a crash, nothing is applied
/// twice. Ticks older than a symbol's clock are ignored (so a restarted feed may replay from before the crash) and a
/// signal id already journaled is ignored. Not thread safe: one caller, one executor per journal file.
/// </summary>
public sealed partial class DemoExecutor : IDisposable
{
    private const long MinuteMicros = 60_000_000;

    private readonly DemoExecutorOptions _options;
    private readonly ExecutionJournal _journal;
    private readonly InstrumentCatalog _catalog;
    private readonly Dictionary<string, SymbolBook> _books = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly List<BacktestTrade> _trades = [];
    private readonly List<long> _orderTimes = [];
    private readonly Dictionary<int, double> _dailyNet = [];
    private readonly long _latency;
    private readonly long _jitter;
    private double _balance;
    private long _orderSequence;
    private long _positionIds;
    private ulong _rng;

    private DemoExecutor(ExecutionJournal journal, DemoExecutorOptions options, InstrumentCatalog catalog)
    {
        _journal = journal;
        _options = options;
        _catalog = catalog;
        _latency = options.Backtest.Latency.Ticks / 10;
        _jitter = options.Backtest.LatencyJitter.Ticks / 10;
        _rng = options.Backtest.Seed;
        _balance = options.Backtest.InitialBalance;
    }

    /// <summary>Realised balance, account currency.</summary>
    public double Balance => _balance;

    /// <summary>Closed trades, in closing order (the backtester's record, swap always 0).</summary>
    public IReadOnlyList<BacktestTrade> Trades => _trades;

    /// <summary>The journal's last sequence number.</summary>
    public long Sequence => _journal.LastSequence;

    /// <summary>Bytes of a torn last journal line cut off when it was opened (0 after a clean stop).</summary>
    public long TruncatedBytes => _journal.TruncatedBytes;

    /// <summary>
    /// Opens the executor on <paramref name="journalPath"/>: a new journal starts with a <c>start</c> record; an existing
    /// one is read back (a torn last line cut) and replayed to rebuild positions, balance, orders, queued and seen
    /// signals and the sequence.
    /// </summary>
    /// <exception cref="ExecutionException">InvalidOptions; CorruptJournal; JournalMismatch when the journal's account differs.</exception>
    public static DemoExecutor Open(string journalPath, DemoExecutorOptions? options = null, InstrumentCatalog? catalog = null)
    {
        options ??= DemoExecutorOptions.Default;
        options.Validate();
        var journal = ExecutionJournal.Open(journalPath);
        try
        {
            var executor = new DemoExecutor(journal, options, catalog ?? InstrumentCatalog.Default);
            executor.Replay(journal.Records);
            if (journal.Records.Count == 0)
            {
                executor.Write(new ExecutionRecord
                {
                    Type = ExecutionRecordType.Start, Balance = options.Backtest.InitialBalance, Currency = options.Backtest.AccountCurrency.Trim(),
                }, []);
            }
            return executor;
        }
        catch
        {
            journal.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A quote tick of <paramref name="symbol"/> at <paramref name="timeMicros"/> (UTC µs): orders that have arrived act
    /// on it, then signals whose time it reaches are decided. Returns the records journaled for it (already on disk).
    /// A tick older than the symbol's clock, or of a symbol not allowed, is ignored (empty result).
    /// </summary>
    /// <exception cref="ExecutionException">InvalidInput for a non-positive or non-finite price or an unknown symbol.</exception>
    public IReadOnlyList<ExecutionRecord> OnTick(string symbol, long timeMicros, double bid, double ask)
    {
        if (!(bid > 0 && double.IsFinite(bid) && ask > 0 && double.IsFinite(ask)))
        {
            throw new ExecutionException(ExecutionErrorKind.InvalidInput, $"A {symbol} tick at {TickTime.FromMicros(timeMicros):O} has an unusable price.")
            { Field = "bid/ask", Expected = "positive finite prices", Actual = $"{bid}/{ask}" };
        }
        if (!_catalog.TryGet(symbol, out var instrument))
        {
            throw new ExecutionException(ExecutionErrorKind.InvalidInput, "A tick is for an unknown instrument.") { Field = "symbol", Actual = symbol };
        }
        if (!_options.Risk.Allows(instrument.Symbol))
        {
            return [];
        }
        var book = Book(instrument.Symbol);
        if (book.Clock is { } clock && timeMicros < clock)
        {
            return [];
        }
        book.Clock = timeMicros;
        book.LastQuote = (bid, ask);
        var written = new List<ExecutionRecord>();
        ActOnArrivals(book, timeMicros, bid, ask, written);
        DecideDue(book, timeMicros, written);
        return written;
    }

    /// <summary>
    /// A signal: a duplicate id is ignored; a symbol not allowed is rejected; a signal whose time the symbol's clock has
    /// reached is decided now (decision time = the clock), a later one is queued until a tick reaches it.
    /// </summary>
    /// <exception cref="ExecutionException">InvalidInput when the signal's fields are invalid.</exception>
    public DemoSignalResult OnSignal(TradeSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        try
        {
            signal.Validate();
        }
        catch (ModelingException e)
        {
            throw new ExecutionException(ExecutionErrorKind.InvalidInput, $"The signal is invalid: {e.Message}", e) { Field = "signal" };
        }
        var id = Mt5SignalExport.IdOf(signal);
        if (_seen.Contains(id))
        {
            return new DemoSignalResult(id, SignalStatus.Duplicate, null, []);
        }
        var written = new List<ExecutionRecord>();
        var json = TradeSignalJson.Serialize(signal);
        if (!_catalog.TryGet(signal.Symbol, out var instrument) || !_options.Risk.Allows(instrument.Symbol))
        {
            var reason = instrument is null ? "unknown-symbol" : "symbol-not-allowed";
            Write(new ExecutionRecord { Type = ExecutionRecordType.SignalRejected, Symbol = signal.Symbol, SignalId = id, Signal = json, Reason = reason }, written);
            return new DemoSignalResult(id, SignalStatus.Rejected, reason, written);
        }
        var book = Book(instrument.Symbol);
        if (book.Clock is { } clock && signal.TimeMicros <= clock)
        {
            var (status, why) = Decide(book, signal, id, clock, written);
            return new DemoSignalResult(id, status, why, written);
        }
        Write(new ExecutionRecord
        {
            Type = ExecutionRecordType.SignalQueued, Symbol = book.Instrument.Symbol, Clock = book.Clock, SignalId = id, Signal = json,
        }, written);
        return new DemoSignalResult(id, SignalStatus.Queued, null, written);
    }

    /// <summary>
    /// Balance plus the open positions marked at each symbol's last tick (longs at the bid, shorts at the ask, converted as
    /// the backtester converts), account currency. A symbol with no tick since <see cref="Open"/> adds nothing until its
    /// next tick (its positions are not marked: the journal keeps fills, not quotes).
    /// </summary>
    public double Equity() => _balance + _books.Values.Sum(b =>
        b.LastQuote is var (bid, ask) ? b.Account.Unrealized(bid, ask, b.Conversion(bid, ask)) : 0);

    /// <summary>A snapshot of the state (see <see cref="DemoExecutorState"/>).</summary>
    public DemoExecutorState State()
    {
        var books = _books.OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => b.Value).ToList();
        return new DemoExecutorState
        {
            Sequence = _journal.LastSequence,
            Balance = _balance,
            Positions = [.. books.SelectMany(b => b.Account.Positions.Select(p =>
                new DemoPosition(b.Instrument.Symbol, p.Id, p.Side, p.Lots, p.EntryTime, p.EntryPrice)))],
            PendingOrders = [.. books.SelectMany(b => b.Pending.Select(o => o.Order))],
            QueuedSignalIds = [.. books.SelectMany(b => b.Queue.Select(q => q.Id))],
            SeenSignalIds = [.. _seen.Order(StringComparer.Ordinal)],
            Trades = [.. _trades],
        };
    }

    /// <inheritdoc />
    public void Dispose() => _journal.Dispose();

    private SymbolBook Book(string symbol)
    {
        if (!_books.TryGetValue(symbol, out var book))
        {
            book = new SymbolBook(_catalog.Get(symbol), _options.Backtest);
            _books.Add(symbol, book);
        }
        return book;
    }

    /// <summary>Appends, then applies: the state only ever changes through a record that is already on disk.</summary>
    private void Write(ExecutionRecord record, List<ExecutionRecord> written)
    {
        var appended = _journal.Append(record);
        Apply(appended);
        written.Add(appended);
    }

    private static ulong NextRandom(ref ulong state)
    {
        // The backtester's SplitMix64, so seeded jitter draws the same delays in the same order.
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// The account as the strategy may see it at its clock: balance (realised), equity (balance + open positions marked
/// at the price they could close at now: a long at the bid, a short at the ask, converted to account currency),
/// margin in use and the open positions. Read only outside the engine; valid during the callback it is passed to.
/// </summary>
public sealed class Account
{
    private readonly List<OpenPosition> _positions = [];
    private double _longUnits;
    private double _longCost;
    private double _shortUnits;
    private double _shortCost;

    internal Account(double balance, double leverage)
    {
        Balance = balance;
        Leverage = leverage;
    }

    /// <summary>Realised balance, account currency.</summary>
    public double Balance { get; internal set; }

    /// <summary>Leverage of the account.</summary>
    public double Leverage { get; }

    /// <summary>Open positions, in the order they were opened.</summary>
    public IReadOnlyList<OpenPosition> Positions => _positions;

    /// <summary>Entry orders submitted and not yet filled, expired or cancelled.</summary>
    public int PendingEntries => PendingLongEntries + PendingShortEntries;

    /// <summary>Buy entry orders submitted and not yet filled, expired or cancelled.</summary>
    public int PendingLongEntries { get; internal set; }

    /// <summary>Sell entry orders submitted and not yet filled, expired or cancelled.</summary>
    public int PendingShortEntries { get; internal set; }

    /// <summary>Long lots minus short lots.</summary>
    public double NetLots { get; private set; }

    /// <summary>Balance plus the open positions' value at the current quotes, account currency.</summary>
    public double Equity => Balance + Unrealized(Bid, Ask, Conversion);

    /// <summary>Margin held by the open positions at the current mid: units × mid × quote→account rate / leverage.</summary>
    public double UsedMargin => UsedMarginAt(Bid, Ask, Conversion);

    internal double Bid { get; set; }
    internal double Ask { get; set; }
    internal double Conversion { get; set; } = 1;
    internal int Count => _positions.Count;
    internal List<OpenPosition> List => _positions;

    internal double Unrealized(double bid, double ask, double conversion) =>
        _positions.Count == 0 ? 0 : ((bid * _longUnits) - _longCost + _shortCost - (ask * _shortUnits)) * conversion;

    internal double UsedMarginAt(double bid, double ask, double conversion) =>
        _positions.Count == 0 ? 0 : (_longUnits + _shortUnits) * (bid + ask) * 0.5 * conversion / Leverage;

    internal void Open(OpenPosition position)
    {
        _positions.Add(position);
        Aggregate(position, +1);
    }

    internal void Remove(OpenPosition position)
    {
        _positions.Remove(position);
        Aggregate(position, -1);
        if (_positions.Count == 0)
        {
            (_longUnits, _longCost, _shortUnits, _shortCost, NetLots) = (0, 0, 0, 0, 0);
        }
    }

    private void Aggregate(OpenPosition p, int sign)
    {
        if (p.Side == Modeling.Labels.TradeSide.Long)
        {
            _longUnits += sign * p.Units;
            _longCost += sign * p.Units * p.EntryPrice;
            NetLots += sign * p.Lots;
        }
        else
        {
            _shortUnits += sign * p.Units;
            _shortCost += sign * p.Units * p.EntryPrice;
            NetLots -= sign * p.Lots;
        }
    }
}

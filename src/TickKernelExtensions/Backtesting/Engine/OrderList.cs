namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// Where a strategy callback puts the orders it returns. The engine empties it before each callback and submits what
/// it holds afterwards, with the callback's tick time as the decision time. Reused for the whole run: adding an order
/// allocates nothing once the list has grown to its working size. Not thread safe.
/// </summary>
public sealed class OrderList
{
    private OrderRequest[] _items = new OrderRequest[8];

    /// <summary>Orders added since the callback started.</summary>
    public int Count { get; private set; }

    /// <summary>The orders added since the callback started.</summary>
    public ReadOnlySpan<OrderRequest> Items => _items.AsSpan(0, Count);

    /// <summary>Adds an order.</summary>
    public void Add(in OrderRequest order)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }
        _items[Count++] = order;
    }

    internal void Clear() => Count = 0;
}

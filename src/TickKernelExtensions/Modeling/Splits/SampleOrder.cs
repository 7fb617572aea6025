namespace TickKernelExtensions.Modeling.Splits;

/// <summary>Deterministic chronological order of samples: by event time, ties by input index.</summary>
internal static class SampleOrder
{
    public static int[] ByStart(ReadOnlySpan<long> t0)
    {
        var order = new int[t0.Length];
        var keys = t0.ToArray();
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        // Array.Sort is unstable; the index tiebreak makes the order a function of the input alone.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        return order;
    }
}

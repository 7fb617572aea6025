namespace TickKernelExtensions.Datasets;

/// <summary>
/// Orders strings by Unicode code point, as Python compares <c>str</c>. Ordinal UTF-16 comparison agrees except
/// when a character above U+FFFF (a surrogate pair) meets one in U+E000–U+FFFF, which this comparer handles.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static CodePointComparer Instance { get; } = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var a = x.EnumerateRunes();
        var b = y.EnumerateRunes();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA == hasB ? 0 : hasA ? 1 : -1;
            }
            var diff = a.Current.Value.CompareTo(b.Current.Value);
            if (diff != 0)
            {
                return diff;
            }
        }
    }
}

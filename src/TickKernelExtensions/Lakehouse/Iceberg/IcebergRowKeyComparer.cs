namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// Value equality of row keys (equality-delete tuples): element-wise, null equals null, byte arrays by content,
/// and int/long and float/double compared after widening (a delete file may predate a type promotion).
/// </summary>
internal sealed class IcebergRowKeyComparer : IEqualityComparer<object?[]>
{
    public static IcebergRowKeyComparer Instance { get; } = new();

    public bool Equals(object?[]? x, object?[]? y)
    {
        if (x is null || y is null || x.Length != y.Length)
        {
            return ReferenceEquals(x, y);
        }
        for (var i = 0; i < x.Length; i++)
        {
            var equal = (Widen(x[i]), Widen(y[i])) switch
            {
                (null, null) => true,
                (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
                (null, _) or (_, null) => false,
                var (a, b) => a!.Equals(b),
            };
            if (!equal)
            {
                return false;
            }
        }
        return true;
    }

    public int GetHashCode(object?[] obj)
    {
        var hash = new HashCode();
        foreach (var item in obj)
        {
            var v = Widen(item);
            if (v is byte[] bytes)
            {
                hash.AddBytes(bytes);
            }
            else
            {
                hash.Add(v);
            }
        }
        return hash.ToHashCode();
    }

    private static object? Widen(object? value) => value switch
    {
        int i => (long)i,
        float f => (double)f,
        _ => value,
    };
}

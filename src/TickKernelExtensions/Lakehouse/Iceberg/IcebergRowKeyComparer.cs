namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>Value equality of row keys (equality-delete tuples): element-wise, null equals null, byte arrays by content.</summary>
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
            var equal = (x[i], y[i]) switch
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
        foreach (var v in obj)
        {
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
}

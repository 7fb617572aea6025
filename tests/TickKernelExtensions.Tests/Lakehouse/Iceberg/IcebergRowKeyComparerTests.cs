using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

public sealed class IcebergRowKeyComparerTests
{
    [Fact]
    public void Equals_WidenedNumbersNullsAndBytes_MatchAsEqualityDeletesRequire()
    {
        var c = IcebergRowKeyComparer.Instance;

        Assert.True(c.Equals([5, null, new byte[] { 1, 2 }], [5L, null, new byte[] { 1, 2 }]));
        Assert.Equal(c.GetHashCode([5, null, new byte[] { 1, 2 }]), c.GetHashCode([5L, null, new byte[] { 1, 2 }]));
        Assert.True(c.Equals([1.5f], [1.5]));
        Assert.False(c.Equals([null], [0L]));
        Assert.False(c.Equals([new byte[] { 1 }], [new byte[] { 2 }]));
        Assert.False(c.Equals(["a"], ["a", "b"]));
    }
}

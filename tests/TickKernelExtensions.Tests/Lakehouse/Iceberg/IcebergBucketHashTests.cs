using System.Text;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>The hash and bucket values of the Iceberg spec, Appendix B ("32-bit Hash Requirements").</summary>
public sealed class IcebergBucketHashTests
{
    [Fact]
    public void Hash_SpecAppendixBVectors_Match()
    {
        Assert.Equal(2017239379, IcebergBucketHash.Hash(IcebergPrimitiveType.Int, 34));
        Assert.Equal(2017239379, IcebergBucketHash.Hash(IcebergPrimitiveType.Long, 34L));
        Assert.Equal(-500754589, IcebergBucketHash.Hash(IcebergPrimitiveType.Decimal(9, 2), 14.20m));
        Assert.Equal(-653330422, IcebergBucketHash.Hash(IcebergPrimitiveType.Date, new DateOnly(2017, 11, 16)));
        Assert.Equal(-662762989, IcebergBucketHash.Hash(IcebergPrimitiveType.Time, new TimeOnly(22, 31, 8)));
        Assert.Equal(-2047944441, IcebergBucketHash.Hash(IcebergPrimitiveType.Timestamp, new DateTime(2017, 11, 16, 22, 31, 8, DateTimeKind.Utc)));
        Assert.Equal(-1207196810, IcebergBucketHash.Hash(IcebergPrimitiveType.Timestamp, new DateTime(2017, 11, 16, 22, 31, 8, DateTimeKind.Utc).AddTicks(10)));
        Assert.Equal(-2047944441, IcebergBucketHash.Hash(IcebergPrimitiveType.TimestampTz,
            new DateTimeOffset(2017, 11, 16, 14, 31, 8, TimeSpan.FromHours(-8))));
        Assert.Equal(1210000089, IcebergBucketHash.Hash(IcebergPrimitiveType.String, "iceberg"));
        Assert.Equal(1488055340, IcebergBucketHash.Hash(IcebergPrimitiveType.Uuid, Guid.Parse("f79c3e09-677c-4bbd-a479-3f349cb785e7")));
        Assert.Equal(-188683207, IcebergBucketHash.Hash(IcebergPrimitiveType.Fixed(4), new byte[] { 0, 1, 2, 3 }));
        Assert.Equal(-188683207, IcebergBucketHash.Hash(IcebergPrimitiveType.Binary, new byte[] { 0, 1, 2, 3 }));
    }

    [Fact]
    public void Murmur3_TailLengthsOneToThree_MatchReferenceValues()
    {
        // Reference values of MurmurHash3_x86_32 with seed 0 (as Python's mmh3.hash gives them).
        Assert.Equal(0, IcebergBucketHash.Murmur3([]));
        Assert.Equal(-156908512, IcebergBucketHash.Murmur3(Encoding.ASCII.GetBytes("foo")));
        Assert.Equal(613153351, IcebergBucketHash.Murmur3(Encoding.ASCII.GetBytes("hello")));
        Assert.Equal(-1167338989, IcebergBucketHash.Murmur3(Encoding.ASCII.GetBytes("test")));
    }

    [Fact]
    public void Bucket_MasksTheSignBitBeforeModulo()
    {
        Assert.Equal(79, IcebergBucketHash.Bucket(IcebergPrimitiveType.Int, 34, 100));
        Assert.Equal(26, IcebergBucketHash.Bucket(IcebergPrimitiveType.Date, new DateOnly(2017, 11, 16), 100));
        Assert.Equal(59, IcebergBucketHash.Bucket(IcebergPrimitiveType.Decimal(9, 2), 14.20m, 100));
        Assert.Equal(89, IcebergBucketHash.Bucket(IcebergPrimitiveType.String, "iceberg", 100));
        Assert.Equal(6, IcebergBucketHash.Bucket(IcebergPrimitiveType.Date, new DateOnly(2017, 11, 16), 10)); // (-653330422 & int.MaxValue) % 10
    }

    [Fact]
    public void Hash_Boolean_IsUnsupported()
    {
        var error = Assert.Throws<IcebergException>(() => IcebergBucketHash.Hash(IcebergPrimitiveType.Boolean, true));

        Assert.Equal(IcebergErrorKind.Unsupported, error.Kind);
        Assert.Contains("boolean", error.Message, StringComparison.Ordinal);
    }
}

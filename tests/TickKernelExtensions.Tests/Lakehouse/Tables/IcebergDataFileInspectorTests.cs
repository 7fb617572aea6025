using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

/// <summary>The aggregate (fast) path and the row-by-row reference path describe the same files identically.</summary>
public sealed class IcebergDataFileInspectorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private static readonly IcebergSchema Wide = new(0,
    [
        new IcebergField(1, "symbol", true, IcebergPrimitiveType.String),
        new IcebergField(2, "ts", true, IcebergPrimitiveType.TimestampTz),
        new IcebergField(3, "bid", false, IcebergPrimitiveType.Double),
        new IcebergField(4, "n", false, IcebergPrimitiveType.Long),
        new IcebergField(5, "vol", false, IcebergPrimitiveType.Float),
        new IcebergField(6, "d", false, IcebergPrimitiveType.Date),
        new IcebergField(7, "px", false, IcebergPrimitiveType.Decimal(10, 2)),
        new IcebergField(8, "absent", false, IcebergPrimitiveType.Int),
    ]);

    [Fact]
    public void InspectByAggregate_NullsNaNsWideningAndAbsentColumns_AgreesWithTheRowPath()
    {
        var path = _dir.File("wide.parquet");
        DuckDb.Query("COPY (SELECT * FROM (VALUES " +
            "('EURUSD', TIMESTAMPTZ '2026-03-02 10:00:00.123456+00', 1.5::DOUBLE, 7::INTEGER, 'NaN'::FLOAT, DATE '2026-03-02', 12.34::DECIMAL(10,2)), " +
            "('EURUSD', TIMESTAMPTZ '2026-03-02 09:00:00+00', 'NaN'::DOUBLE, NULL::INTEGER, 2.5::FLOAT, DATE '2026-01-01', 99.99::DECIMAL(10,2)), " +
            "('EURUSD', TIMESTAMPTZ '2026-03-02 23:59:59.999999+00', -0.25::DOUBLE, -3::INTEGER, NULL::FLOAT, NULL::DATE, NULL::DECIMAL(10,2))" +
            ") t(symbol, ts, bid, n, vol, d, px)) TO " + DuckDb.Literal(path) +
            " (FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid: 3, n: 4, vol: 5, d: 6, px: 7})");
        var spec = new IcebergPartitionSpec(0, [new("symbol", IcebergTransform.Identity, 1, 1000), new("ts_day", IcebergTransform.Day, 2, 1001)]);
        using var inspector = new IcebergDataFileInspector(new LocalIcebergFileIO());

        var fast = inspector.InspectByAggregate(path, Wide, spec);
        var reference = inspector.InspectByRows(path, Wide, spec);

        Assert.Equal(3, fast.RecordCount);
        Assert.Equal(reference.RecordCount, fast.RecordCount);
        Assert.Equal(reference.Partition.OrderBy(p => p.Key), fast.Partition.OrderBy(p => p.Key));
        Assert.Equal(["EURUSD", (object)new DateOnly(2026, 3, 2)], [fast.Partition[1000], fast.Partition[1001]]);
        Assert.Equal(reference.ValueCounts!.OrderBy(p => p.Key), fast.ValueCounts!.OrderBy(p => p.Key));
        Assert.Equal(reference.NullValueCounts!.OrderBy(p => p.Key), fast.NullValueCounts!.OrderBy(p => p.Key));
        Assert.Equal(reference.NanValueCounts!.OrderBy(p => p.Key), fast.NanValueCounts!.OrderBy(p => p.Key));
        Assert.Equal(reference.LowerBounds!.OrderBy(p => p.Key).Select(p => (p.Key, Convert.ToHexString(p.Value))),
            fast.LowerBounds!.OrderBy(p => p.Key).Select(p => (p.Key, Convert.ToHexString(p.Value))));
        Assert.Equal(reference.UpperBounds!.OrderBy(p => p.Key).Select(p => (p.Key, Convert.ToHexString(p.Value))),
            fast.UpperBounds!.OrderBy(p => p.Key).Select(p => (p.Key, Convert.ToHexString(p.Value))));
        Assert.Equal(-0.25, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Double, fast.LowerBounds![3]));
        Assert.Equal(1.5, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Double, fast.UpperBounds![3]));
        Assert.Equal(new DateTime(2026, 3, 2, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_990),
            IcebergSingleValue.FromBytes(IcebergPrimitiveType.TimestampTz, fast.UpperBounds[2]));
        Assert.Equal(12.34m, IcebergSingleValue.FromBytes(IcebergPrimitiveType.Decimal(10, 2), fast.LowerBounds[7]));
        Assert.Equal((1L, 1L, 1L), (fast.NanValueCounts![3], fast.NanValueCounts[5], fast.NullValueCounts![4]));
        Assert.False(fast.ValueCounts!.ContainsKey(8));
    }

    [Fact]
    public void Inspect_BucketSpec_TakesTheRowPathAndFindsOneBucket()
    {
        var path = _dir.File("bucket.parquet");
        DuckDb.Query("COPY (SELECT 'EURUSD' AS symbol, TIMESTAMPTZ '2026-03-02 00:00:00+00' AS ts) TO " + DuckDb.Literal(path) +
            " (FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2})");
        var spec = new IcebergPartitionSpec(0, [new("symbol_bucket", new IcebergTransform(IcebergTransformKind.Bucket, 16), 1, 1000)]);
        using var inspector = new IcebergDataFileInspector(new LocalIcebergFileIO());

        var file = inspector.Inspect(path, IcebergTableMetadataJsonTests.TickSchema, spec);

        Assert.Equal(IcebergBucketHash.Bucket(IcebergPrimitiveType.String, "EURUSD", 16), file.Partition[1000]);
    }

    public void Dispose() => _dir.Dispose();
}

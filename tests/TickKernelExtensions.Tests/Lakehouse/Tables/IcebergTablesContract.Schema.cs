using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Tables;

public abstract partial class IcebergTablesContract
{
    [Fact]
    public async Task SchemaEvolution_AddRenameWiden_OldFilesReadUnderTheNewSchema()
    {
        var (_, tables) = await NewTickTableAsync();
        await tables.AppendAsync(Ticks, [TickFile("EURUSD", Day1, 1.1)], Ct);

        await tables.AddColumnAsync(Ticks, "venue", IcebergPrimitiveType.String, cancellationToken: Ct);
        await tables.RenameColumnAsync(Ticks, "bid", "bid_price", Ct);
        await tables.WidenColumnAsync(Ticks, "bid_volume", IcebergPrimitiveType.Double, Ct);
        var path = Staging.File("with-venue.parquet");
        DuckDb.Query("COPY (SELECT 'EURUSD' AS symbol, TIMESTAMPTZ '2026-03-02 00:00:05+00' AS ts, 1.2::DOUBLE AS bid_price, 2.5::DOUBLE AS bid_volume, 'ECN' AS venue) TO "
            + DuckDb.Literal(path) + " (FORMAT PARQUET, FIELD_IDS {symbol: 1, ts: 2, bid_price: 3, bid_volume: 5, venue: 7})");
        await tables.AppendAsync(Ticks, [path], Ct);

        var reader = await tables.LoadAsync(Ticks, Ct);
        var m = reader.Metadata;
        Assert.Equal(3, m.CurrentSchemaId);
        Assert.Equal(7, m.LastColumnId);
        Assert.Equal(new IcebergField(7, "venue", false, IcebergPrimitiveType.String), m.CurrentSchema.FindField("venue"));
        Assert.Equal(3, m.CurrentSchema.FindField("bid_price")!.Id);
        Assert.Equal(IcebergPrimitiveType.Double, m.CurrentSchema.FindField("bid_volume")!.Type);
        var scan = reader.Scan(new IcebergScanOptions { Columns = ["bid_price", "bid_volume", "venue"] });
        Assert.Equal([[1.1, 1.5, null], [1.2, 2.5, "ECN"]], scan.Rows.OrderBy(r => (double)r[0]!).Select(r => r.ToArray()));
        // The first snapshot still reads with the schema it was written with.
        var old = reader.Scan(new IcebergScanOptions { SnapshotId = m.Snapshots[0].SnapshotId });
        Assert.Equal([1.1], Bids(old));
    }

    [Fact]
    public async Task WidenColumnAsync_Narrowing_IsRejectedNamingTheColumn()
    {
        var (_, tables) = await NewTickTableAsync();

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.WidenColumnAsync(Ticks, "bid", IcebergPrimitiveType.Float, Ct));

        Assert.Equal("bid", error.Field);
        Assert.Contains("double → float", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddColumnAsync_ExistingName_IsRejected()
    {
        var (_, tables) = await NewTickTableAsync();

        var error = await Assert.ThrowsAsync<IcebergException>(() => tables.AddColumnAsync(Ticks, "ask", IcebergPrimitiveType.Double, cancellationToken: Ct));

        Assert.Equal("ask", error.Field);
        Assert.Equal(0, (await tables.LoadAsync(Ticks, Ct)).Metadata.CurrentSchemaId);
    }
}

using System.Globalization;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

public sealed class TickParquetWriterTests : IDisposable
{
    private static readonly TickParquetOptions Small = new() { RowGroupSize = 1_000, PageSizeBytes = 1_024 };

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task CompleteAsync_DuckDbParquetSchema_ShowsFieldIdsAndLogicalTypes()
    {
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", SyntheticTicks.Create(100));

        var rows = DuckDb.Query($"SELECT name, type, repetition_type, converted_type, field_id, logical_type FROM parquet_schema({DuckDb.Literal(path)})")
            .Skip(1).ToList();

        Assert.Equal(["symbol", "ts", "bid", "ask", "bid_volume", "ask_volume"], rows.Select(r => (string)r[0]!));
        Assert.Equal(["BYTE_ARRAY", "INT64", "DOUBLE", "DOUBLE", "FLOAT", "FLOAT"], rows.Select(r => (string)r[1]!));
        Assert.Equal(["REQUIRED", "REQUIRED", "OPTIONAL", "OPTIONAL", "OPTIONAL", "OPTIONAL"], rows.Select(r => (string)r[2]!));
        Assert.Equal(["UTF8", "TIMESTAMP_MICROS", null, null, null, null], rows.Select(r => (string?)r[3]));
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], rows.Select(r => Convert.ToInt64(r[4], CultureInfo.InvariantCulture)));
        Assert.Equal("StringType()", (string)rows[0][5]!);
        Assert.Contains("TimestampType(isAdjustedToUTC=1", (string)rows[1][5]!, StringComparison.Ordinal);
        Assert.Contains("MICROS=MicroSeconds()", (string)rows[1][5]!, StringComparison.Ordinal);
        var types = DuckDb.Query($"DESCRIBE SELECT * FROM read_parquet({DuckDb.Literal(path)})").Select(r => (string)r[1]!);
        Assert.Equal(["VARCHAR", "TIMESTAMP WITH TIME ZONE", "DOUBLE", "DOUBLE", "FLOAT", "FLOAT"], types);
    }

    [Fact]
    public async Task CompleteAsync_DuckDbParquetMetadata_ShowsStatisticsAndSnappyForEveryChunk()
    {
        var ticks = SyntheticTicks.Create(2_500, nanVolumeShare: 0.1);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small);

        var chunks = DuckDb.Query(
            "SELECT row_group_id, path_in_schema, compression, stats_null_count, num_values, " +
            "stats_min_value, stats_max_value, stats_min, stats_max, encodings, dictionary_page_offset, data_page_offset, " +
            "total_compressed_size, total_uncompressed_size, row_group_num_rows " +
            $"FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id, column_id");

        Assert.Equal(3 * 6, chunks.Count);
        Assert.All(chunks, c => Assert.Equal("SNAPPY", c[2]));
        Assert.All(chunks, c => Assert.NotNull(c[3]));
        Assert.All(chunks, c => Assert.True(Convert.ToInt64(c[12], CultureInfo.InvariantCulture) > 0));
        Assert.All(chunks, c => Assert.True(Convert.ToInt64(c[13], CultureInfo.InvariantCulture) > 0));
        for (var group = 0; group < 3; group++)
        {
            var start = group * 1_000;
            var n = Math.Min(1_000, ticks.Count - start);
            var rows = chunks.Skip(group * 6).Take(6).ToList();
            Assert.All(rows, c => Assert.Equal((long)n, Convert.ToInt64(c[4], CultureInfo.InvariantCulture)));
            Assert.Equal(["symbol", "ts", "bid", "ask", "bid_volume", "ask_volume"], rows.Select(c => (string)c[1]!));
            Assert.Equal("EURUSD", rows[0][5]);
            Assert.Equal("PLAIN, RLE, RLE_DICTIONARY", rows[0][9]);
            Assert.NotNull(rows[0][10]);
            Assert.Null(rows[1][10]);
            Assert.Equal("PLAIN, RLE", rows[1][9]);
            var ts = ticks.Timestamps.Slice(start, n);
            Assert.Equal(Time(ts[0]), DuckDbTime(rows[1][5]));
            Assert.Equal(Time(ts[^1]), DuckDbTime(rows[1][6]));
            Assert.Equal(Time(ts[0]), DuckDbTime(rows[1][7]));
            Assert.Equal(Time(ts[^1]), DuckDbTime(rows[1][8]));
            Assert.Equal(Min(ticks.Bids.Slice(start, n)), double.Parse((string)rows[2][5]!, CultureInfo.InvariantCulture));
            Assert.Equal(Max(ticks.Asks.Slice(start, n)), double.Parse((string)rows[3][6]!, CultureInfo.InvariantCulture));
            Assert.Equal(NaNs(ticks.BidVolumes.Slice(start, n)), Convert.ToInt64(rows[4][3], CultureInfo.InvariantCulture));
            Assert.Equal(NaNs(ticks.AskVolumes.Slice(start, n)), Convert.ToInt64(rows[5][3], CultureInfo.InvariantCulture));
            Assert.Equal(0L, Convert.ToInt64(rows[2][3], CultureInfo.InvariantCulture));
        }
        var file = DuckDb.Query($"SELECT created_by, num_rows, num_row_groups FROM parquet_file_metadata({DuckDb.Literal(path)})").Single();
        Assert.Equal(TickParquetWriter.CreatedBy, file[0]);
        Assert.StartsWith("TickKernelExtensions version ", (string)file[0]!, StringComparison.Ordinal);
        Assert.Equal(2_500L, Convert.ToInt64(file[1], CultureInfo.InvariantCulture));
        Assert.Equal(3L, Convert.ToInt64(file[2], CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task CompleteAsync_Footer_HoldsIcebergSchemaJson()
    {
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", SyntheticTicks.Create(10));

        var kv = DuckDb.Query($"SELECT decode(key), decode(value) FROM parquet_kv_metadata({DuckDb.Literal(path)})").Single();

        Assert.Equal("iceberg.schema", kv[0]);
        Assert.Equal(TickParquetSchema.IcebergSchemaJson, kv[1]);
        using var json = System.Text.Json.JsonDocument.Parse((string)kv[1]!);
        var fields = json.RootElement.GetProperty("fields").EnumerateArray().ToList();
        Assert.Equal(0, json.RootElement.GetProperty("schema-id").GetInt32());
        Assert.Equal([1, 2, 3, 4, 5, 6], fields.Select(f => f.GetProperty("id").GetInt32()));
        Assert.Equal(["string", "timestamptz", "double", "double", "float", "float"], fields.Select(f => f.GetProperty("type").GetString()));
        Assert.Equal([true, true, false, false, false, false], fields.Select(f => f.GetProperty("required").GetBoolean()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(999)]
    [InlineData(1_000)]
    [InlineData(1_001)]
    [InlineData(5_000)]
    public async Task WriteAsync_ManyRowGroupsAndPages_DuckDbReadsSameValues(int batchSize)
    {
        var ticks = SyntheticTicks.Create(5_003, seed: batchSize, nanVolumeShare: 0.3);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small, batchSize);

        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
        Assert.Equal(6L, DuckDb.Scalar<long>($"SELECT count(DISTINCT row_group_id) FROM parquet_metadata({DuckDb.Literal(path)})"));
    }

    [Fact]
    public async Task WriteAsync_SmallPageSize_SplitsEveryChunkIntoPagesThatAddUpToTheFooterSizes()
    {
        var ticks = SyntheticTicks.Create(2_500, nanVolumeShare: 0.2);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var chunks = DuckDb.Query(
            "SELECT row_group_num_rows, path_in_schema, coalesce(dictionary_page_offset, data_page_offset), total_compressed_size, total_uncompressed_size, " +
            $"data_page_offset FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY row_group_id, column_id");

        Assert.Equal(18, chunks.Count);
        foreach (var chunk in chunks)
        {
            var rows = Convert.ToInt32(chunk[0], CultureInfo.InvariantCulture);
            var pages = PageWalker.Walk(bytes, (long)chunk[2]!, (long)chunk[3]!);
            var data = pages.Where(p => p.Type == 0).ToList();
            // 1,024-byte pages: 128 rows of 8-byte values, 256 of 4-byte volumes; symbol pages follow the timestamps.
            var perPage = (string)chunk[1]! is "bid_volume" or "ask_volume" ? 256 : 128;
            Assert.Equal((rows + perPage - 1) / perPage, data.Count);
            Assert.All(data.SkipLast(1), p => Assert.Equal(perPage, p.NumValues));
            Assert.Equal(rows, data.Sum(p => p.NumValues));
            Assert.Equal((long)chunk[3]!, pages.Sum(p => (long)p.HeaderSize + p.CompressedSize));
            Assert.Equal((long)chunk[4]!, pages.Sum(p => (long)p.HeaderSize + p.UncompressedSize));
            if ((string)chunk[1]! == "symbol")
            {
                Assert.Equal(2, pages[0].Type);
                Assert.Equal(1, pages[0].NumValues);
                Assert.Equal((long)chunk[2]! + pages[0].HeaderSize + pages[0].CompressedSize, (long)chunk[5]!);
            }
            else
            {
                Assert.DoesNotContain(pages, p => p.Type != 0);
            }
        }
    }

    [Fact]
    public async Task WriteAsync_DefaultOptions_PagesHoldAboutOneMebibyteOfValues()
    {
        var ticks = SyntheticTicks.Create(300_000);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, batchSize: 100_000);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        var ts = DuckDb.Query($"SELECT data_page_offset, total_compressed_size FROM parquet_metadata({DuckDb.Literal(path)}) WHERE path_in_schema = 'ts'").Single();
        var pages = PageWalker.Walk(bytes, (long)ts[0]!, (long)ts[1]!);

        Assert.Equal([131_072, 131_072, 37_856], pages.Select(p => p.NumValues));
        Assert.Equal(1 << 20, pages[0].UncompressedSize);
    }

    [Fact]
    public async Task WriteAsync_NullPatterns_ReadBackAsNullWhereNaN()
    {
        // Every shape the level encoder meets: alternating, short and long runs, a ragged end, all null.
        var ticks = SyntheticTicks.Create(3_001);
        for (var i = 0; i < ticks.Count; i++)
        {
            ticks.BidVolumes[i] = i % 2 == 0 ? float.NaN : ticks.BidVolumes[i];
            ticks.AskVolumes[i] = (i / 9) % 3 == 0 || i > 2_990 ? float.NaN : ticks.AskVolumes[i];
            ticks.Bids[i] = i % 17 < 5 ? double.NaN : ticks.Bids[i];
            ticks.Asks[i] = i < 1_500 ? double.NaN : ticks.Asks[i];
        }
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small with { PageSizeBytes = 2_000 });

        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
        var (_, rows) = await ParquetNetReference.ReadAsync(path);
        TickFileAssert.Equal("EURUSD", ticks, rows);
    }

    [Fact]
    public async Task WriteAsync_AllVolumesMissing_ChunkStatisticsCountOnlyNulls()
    {
        var ticks = FixtureTicks.BtcUsdHourWithoutVolumes();
        var path = await TickFileAssert.WriteAsync(_dir.File("btc.parquet"), "BTCUSD", ticks);

        TickFileAssert.Equal("BTCUSD", ticks, DuckDb.ReadTicks(path));
        var volume = DuckDb.Query($"SELECT stats_null_count, stats_min_value, stats_max_value FROM parquet_metadata({DuckDb.Literal(path)}) WHERE path_in_schema = 'bid_volume'").Single();
        Assert.Equal(8_523L, Convert.ToInt64(volume[0], CultureInfo.InvariantCulture));
        Assert.Null(volume[1]);
        Assert.Null(volume[2]);
    }

    [Fact]
    public async Task WriteAsync_RealEurUsdHour_DuckDbStatisticsMatchTheData()
    {
        var ticks = FixtureTicks.EurUsdHour();
        var path = await TickFileAssert.WriteAsync(_dir.File("eurusd.parquet"), "EURUSD", ticks);

        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
        var data = DuckDb.Query($"SELECT min(bid)::VARCHAR, max(ask)::VARCHAR, min(ts)::VARCHAR, max(ts)::VARCHAR, count(*) FROM read_parquet({DuckDb.Literal(path)})").Single();
        var stats = DuckDb.Query(
            $"SELECT path_in_schema, stats_min_value, stats_max_value FROM parquet_metadata({DuckDb.Literal(path)}) ORDER BY column_id")
            .ToDictionary(r => (string)r[0]!, r => (Min: (string)r[1]!, Max: (string)r[2]!));
        Assert.Equal(3_733L, Convert.ToInt64(data[4], CultureInfo.InvariantCulture));
        Assert.Equal(data[0], stats["bid"].Min);
        Assert.Equal(data[1], stats["ask"].Max);
        Assert.Equal(data[2], stats["ts"].Min);
        Assert.Equal(data[3], stats["ts"].Max);
        Assert.Equal(Min(ticks.Bids), double.Parse(stats["bid"].Min, CultureInfo.InvariantCulture));
        Assert.Equal(Max(ticks.Asks), double.Parse(stats["ask"].Max, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task WriteAsync_EmptyBatches_AreIgnored()
    {
        var ticks = SyntheticTicks.Create(50);
        var path = _dir.File("t.parquet");
        await using (var stream = File.Create(path))
        {
            await using var writer = await TickParquetWriter.CreateAsync(stream, "EURUSD", null, TestContext.Current.CancellationToken);
            await writer.WriteAsync(new TickColumns(), TestContext.Current.CancellationToken);
            await writer.WriteAsync(ticks, 10, 0, TestContext.Current.CancellationToken);
            await writer.WriteAsync(ticks, TestContext.Current.CancellationToken);
            await writer.WriteAsync(ticks, 50, 0, TestContext.Current.CancellationToken);
            await writer.CompleteAsync(TestContext.Current.CancellationToken);
            Assert.Equal(50, writer.RowCount);
        }

        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
    }

    [Fact]
    public async Task CompleteAsync_NoRows_FileHasSchemaAndNoRowGroups()
    {
        var path = await TickFileAssert.WriteAsync(_dir.File("empty.parquet"), "EURUSD", new TickColumns());

        Assert.Empty(DuckDb.ReadTicks(path));
        Assert.Equal(7L, DuckDb.Scalar<long>($"SELECT count(*) FROM parquet_schema({DuckDb.Literal(path)})"));
        var (ids, rows) = await ParquetNetReference.ReadAsync(path);
        Assert.Equal([1, 2, 3, 4, 5, 6], ids);
        Assert.Empty(rows);
    }

    [Fact]
    public async Task WriteAsync_SingleRow_RoundTrips()
    {
        var ticks = new TickColumns();
        ticks.Add(TickTime.ToMicros(new DateTime(2019, 2, 4, 23, 59, 59, DateTimeKind.Utc)) + 999_999, 1.14545, 1.14547, float.NaN, 0.75f);
        var path = await TickFileAssert.WriteAsync(_dir.File("one.parquet"), "EURUSD", ticks);

        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
        var (_, rows) = await ParquetNetReference.ReadAsync(path);
        TickFileAssert.Equal("EURUSD", ticks, rows);
    }

    [Fact]
    public async Task WriteAsync_SignedZeroVolumes_StatisticsFollowTheZeroRule()
    {
        var ticks = new TickColumns();
        ticks.Add(SyntheticTicks.Start, 1.1, 1.2, 0f, -0f);
        ticks.Add(SyntheticTicks.Start + 1, 1.1, 1.2, -0f, 0f);
        var path = await TickFileAssert.WriteAsync(_dir.File("zero.parquet"), "EURUSD", ticks);

        var bidVolume = DuckDb.Query($"SELECT stats_min_value, stats_max_value FROM parquet_metadata({DuckDb.Literal(path)}) WHERE path_in_schema = 'bid_volume'").Single();
        Assert.Equal("-0.0", bidVolume[0]);
        Assert.Equal("0.0", bidVolume[1]);
        Assert.Equal(2L, DuckDb.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(path)}) WHERE bid_volume = 0"));
    }

    [Fact]
    public async Task ParquetNet_ReadsOurFile_ValuesAndFieldIds()
    {
        var ticks = SyntheticTicks.Create(4_321, nanVolumeShare: 0.05);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small);

        var (ids, rows) = await ParquetNetReference.ReadAsync(path);

        Assert.Equal([1, 2, 3, 4, 5, 6], ids);
        TickFileAssert.Equal("EURUSD", ticks, rows);
    }

    [Fact]
    public async Task WriteAsync_SameTicksAsParquetNet_DuckDbReadsIdenticalRows()
    {
        var ticks = FixtureTicks.EurUsdHour();
        ticks.AddRange(SyntheticTicks.Create(10_000, nanVolumeShare: 0.2, startMicros: ticks.Timestamps[^1]), 0, 10_000);
        var ours = await TickFileAssert.WriteAsync(_dir.File("ours.parquet"), "EURUSD", ticks, new TickParquetOptions { RowGroupSize = 5_000 });
        var reference = _dir.File("reference.parquet");
        await ParquetNetReference.WriteAsync(reference, "EURUSD", ticks, rowGroupSize: 5_000);

        var columns = "symbol, ts, bid, ask, bid_volume, ask_volume";
        var difference = DuckDb.Scalar<long>(
            $"SELECT count(*) FROM ((SELECT {columns} FROM read_parquet({DuckDb.Literal(ours)}) EXCEPT ALL SELECT {columns} FROM read_parquet({DuckDb.Literal(reference)})) " +
            $"UNION ALL (SELECT {columns} FROM read_parquet({DuckDb.Literal(reference)}) EXCEPT ALL SELECT {columns} FROM read_parquet({DuckDb.Literal(ours)})))");

        Assert.Equal(0L, difference);
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(reference));
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(ours));
        Assert.Equal(
            DuckDb.Query($"SELECT name, type, field_id, duckdb_type FROM parquet_schema({DuckDb.Literal(reference)})").Skip(1).Select(r => string.Join('|', r)),
            DuckDb.Query($"SELECT name, type, field_id, duckdb_type FROM parquet_schema({DuckDb.Literal(ours)})").Skip(1).Select(r => string.Join('|', r)));
    }

    [Theory]
    [InlineData(TickParquetCompression.Uncompressed, "UNCOMPRESSED")]
    [InlineData(TickParquetCompression.Snappy, "SNAPPY")]
    [InlineData(TickParquetCompression.Zstd, "ZSTD")]
    public async Task WriteAsync_EachCompression_DuckDbAndParquetNetReadIt(TickParquetCompression compression, string codec)
    {
        var ticks = SyntheticTicks.Create(3_000, nanVolumeShare: 0.1);
        var path = await TickFileAssert.WriteAsync(_dir.File("t.parquet"), "EURUSD", ticks, Small with { Compression = compression });

        Assert.Equal([codec], DuckDb.Query($"SELECT DISTINCT compression FROM parquet_metadata({DuckDb.Literal(path)})").Select(r => (string)r[0]!));
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(path));
        var (_, rows) = await ParquetNetReference.ReadAsync(path);
        TickFileAssert.Equal("EURUSD", ticks, rows);
    }

    [Fact]
    public async Task WriteAsync_SameTicksInDifferentBatches_ByteIdenticalFiles()
    {
        var ticks = SyntheticTicks.Create(7_777, nanVolumeShare: 0.2);
        var a = await TickFileAssert.WriteAsync(_dir.File("a.parquet"), "EURUSD", ticks, Small, batchSize: 7_777);
        var b = await TickFileAssert.WriteAsync(_dir.File("b.parquet"), "EURUSD", ticks, Small, batchSize: 333);
        var c = await TickFileAssert.WriteAsync(_dir.File("c.parquet"), "EURUSD", ticks, Small, batchSize: 7_777);

        Assert.Equal(await File.ReadAllBytesAsync(a, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(b, TestContext.Current.CancellationToken));
        Assert.Equal(await File.ReadAllBytesAsync(a, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(c, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task WriteAsync_SeveralEncoderThreads_SameBytesAsOneThread()
    {
        var ticks = SyntheticTicks.Create(70_000, nanVolumeShare: 0.01);
        var options = new TickParquetOptions { RowGroupSize = 30_000, PageSizeBytes = 16_384 };
        var sequential = await TickFileAssert.WriteAsync(_dir.File("one.parquet"), "EURUSD", ticks, options);
        var parallel = await TickFileAssert.WriteAsync(_dir.File("four.parquet"), "EURUSD", ticks, options with { EncoderThreads = 4 }, batchSize: 40_000);
        var zstd = await TickFileAssert.WriteAsync(_dir.File("zstd.parquet"), "EURUSD", ticks, options with { EncoderThreads = 3, Compression = TickParquetCompression.Zstd });

        Assert.Equal(await File.ReadAllBytesAsync(sequential, TestContext.Current.CancellationToken), await File.ReadAllBytesAsync(parallel, TestContext.Current.CancellationToken));
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(parallel));
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(zstd));
    }

    [Fact]
    public async Task WriteAsync_AfterComplete_Throws()
    {
        await using var stream = new MemoryStream();
        await using var writer = await TickParquetWriter.CreateAsync(stream, "EURUSD", null, TestContext.Current.CancellationToken);
        await writer.CompleteAsync(TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteAsync(SyntheticTicks.Create(1), TestContext.Current.CancellationToken).AsTask());
    }

    [Fact]
    public async Task CreateAsync_InvalidOptions_ThrowsNamingEveryBadField()
    {
        var options = new TickParquetOptions { RowGroupSize = 0, PageSizeBytes = 10, ZstdLevel = 99 };

        var e = await Assert.ThrowsAsync<MarketDataException>(() => TickParquetWriter.CreateAsync(new MemoryStream(), "EURUSD", options, TestContext.Current.CancellationToken));

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("RowGroupSize is 0", e.Message, StringComparison.Ordinal);
        Assert.Contains("PageSizeBytes is 10", e.Message, StringComparison.Ordinal);
        Assert.Contains("ZstdLevel is 99", e.Message, StringComparison.Ordinal);
    }

    private static DateTime Time(long micros) => TickTime.FromMicros(micros);

    private static DateTime DuckDbTime(object? value) =>
        DateTime.Parse((string)value!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    private static double Min(ReadOnlySpan<double> values)
    {
        var min = double.PositiveInfinity;
        foreach (var v in values)
        {
            min = Math.Min(min, v);
        }
        return min;
    }

    private static double Max(ReadOnlySpan<double> values)
    {
        var max = double.NegativeInfinity;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }
        return max;
    }

    private static long NaNs(ReadOnlySpan<float> values)
    {
        long n = 0;
        foreach (var v in values)
        {
            n += float.IsNaN(v) ? 1 : 0;
        }
        return n;
    }
}

using System.Globalization;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Columnar;

public sealed class TickDatasetWriterTests : IDisposable
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;
    private static readonly long Day = TickTime.MicrosPerDay;

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Root => Path.Combine(_dir.Path, "ticks");

    [Fact]
    public async Task CommitAsync_TicksOverSeveralDays_OneFilePerUtcDateAndDuckDbSeesHivePartitions()
    {
        // About 3.5 days of ticks, 0 to 60 s apart, appended in uneven batches.
        var ticks = SyntheticTicks.Create(10_000, maxStepMicros: 60_000_000, nanVolumeShare: 0.1);
        var dataset = new TickParquetDataset(Root);

        TickDatasetCommit commit;
        await using (var write = dataset.BeginWrite("eurusd-2019-02"))
        {
            for (var start = 0; start < ticks.Count; start += 1_234)
            {
                await write.AppendAsync("EURUSD", ticks, start, Math.Min(1_234, ticks.Count - start), Ct);
            }
            commit = await write.CommitAsync(Ct);
        }

        var days = Enumerable.Range(0, ticks.Count).Select(i => TickTime.Date(ticks.Timestamps[i])).Distinct().ToList();
        Assert.True(days.Count >= 3);
        Assert.Equal(days, commit.Files.Select(f => f.Date));
        Assert.Equal(10_000, commit.Rows);
        foreach (var file in commit.Files)
        {
            Assert.Equal(Path.Combine(Root, "symbol=EURUSD", $"date={file.Date:yyyy-MM-dd}", "eurusd-2019-02.parquet"), file.Path);
            Assert.Equal($"symbol=EURUSD/date={file.Date:yyyy-MM-dd}/eurusd-2019-02.parquet", file.RelativePath);
            Assert.Equal(new FileInfo(file.Path).Length, file.Bytes);
            var inDay = Enumerable.Range(0, ticks.Count).Where(i => TickTime.Date(ticks.Timestamps[i]) == file.Date).ToList();
            Assert.Equal(inDay.Count, file.Rows);
            Assert.Equal(ticks.Timestamps[inDay[0]], file.MinTimestampMicros);
            Assert.Equal(ticks.Timestamps[inDay[^1]], file.MaxTimestampMicros);
        }
        Assert.Equal(commit.Files.Select(f => f.Path), dataset.ListFiles().Select(f => f.Path));
        Assert.Equal(commit.Files.Select(f => (f.Symbol, f.Date)), dataset.ListPartitions().Select(p => (p.Symbol, p.Date)));

        var glob = DuckDb.Literal(Path.Combine(Root, "**", "*.parquet"));
        var partitions = DuckDb.Query(
            $"SELECT symbol, date::VARCHAR, count(*), min(epoch_us(ts)), max(epoch_us(ts)), " +
            $"count(*) FILTER (WHERE epoch_us(ts) // {Day} <> date - DATE '1970-01-01') " +
            $"FROM read_parquet({glob}, hive_partitioning = true) GROUP BY ALL ORDER BY 2");
        Assert.Equal(commit.Files.Select(f => ("EURUSD", f.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), f.Rows, f.MinTimestampMicros, f.MaxTimestampMicros, 0L)),
            partitions.Select(r => ((string)r[0]!, (string)r[1]!, Convert.ToInt64(r[2], CultureInfo.InvariantCulture), (long)r[3]!, (long)r[4]!, Convert.ToInt64(r[5], CultureInfo.InvariantCulture))));
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadHiveTicks(Path.Combine(Root, "**", "*.parquet")));
    }

    [Fact]
    public async Task AppendAsync_InterleavedSymbols_EachSymbolGetsItsOwnPartitions()
    {
        var eur = SyntheticTicks.Create(3_000, seed: 1, maxStepMicros: 90_000_000);
        var jpy = SyntheticTicks.Create(2_000, seed: 2, maxStepMicros: 90_000_000);
        var dataset = new TickParquetDataset(Root, new TickParquetOptions { MaxOpenPartitions = 2 });

        await using (var write = dataset.BeginWrite("mixed"))
        {
            for (var i = 0; i < 10; i++)
            {
                await write.AppendAsync("EURUSD", eur, i * 300, 300, Ct);
                await write.AppendAsync("USDJPY", jpy, i * 200, 200, Ct);
            }
            var commit = await write.CommitAsync(Ct);
            Assert.Equal(5_000, commit.Rows);
        }

        Assert.Equal(["EURUSD", "USDJPY"], dataset.ListPartitions().Select(p => p.Symbol).Distinct());
        var glob = Path.Combine(Root, "**", "*.parquet");
        TickFileAssert.Equal("EURUSD", eur, DuckDb.ReadHiveTicks(glob, "EURUSD"));
        TickFileAssert.Equal("USDJPY", jpy, DuckDb.ReadHiveTicks(glob, "USDJPY"));
    }

    [Fact]
    public async Task AppendAsync_TickAtMidnight_GoesToTheNewDate()
    {
        var midnight = TickTime.ToMicros(new DateTime(2019, 2, 5, 0, 0, 0, DateTimeKind.Utc));
        var ticks = new TickColumns();
        ticks.Add(midnight - 1, 1.1, 1.2, 1f, 1f);
        ticks.Add(midnight, 1.1, 1.2, 1f, 1f);
        ticks.Add(midnight, 1.1, 1.2, 1f, 1f);

        await using var write = new TickParquetDataset(Root).BeginWrite("s");
        await write.AppendAsync("EURUSD", ticks, Ct);
        var commit = await write.CommitAsync(Ct);

        Assert.Equal([(new DateOnly(2019, 2, 4), 1L), (new DateOnly(2019, 2, 5), 2L)], commit.Files.Select(f => (f.Date, f.Rows)));
    }

    [Fact]
    public async Task DisposeAsync_WithoutCommit_LeavesNoFilesTempFilesOrDirectories()
    {
        var ticks = SyntheticTicks.Create(5_000, maxStepMicros: 60_000_000);
        var dataset = new TickParquetDataset(Root);

        await using (var write = dataset.BeginWrite("aborted"))
        {
            await write.AppendAsync("EURUSD", ticks, 0, 4_000, Ct);
            await write.AppendAsync("USDJPY", ticks, 0, 100, Ct);
            Assert.NotEmpty(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories));
            Assert.All(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories), f => Assert.StartsWith(".aborted.parquet.tmp-", Path.GetFileName(f), StringComparison.Ordinal));
            Assert.Empty(dataset.ListFiles());
            Assert.Equal(0L, DuckDb.Scalar<long>($"SELECT count(*) FROM glob({DuckDb.Literal(Path.Combine(Root, "**", "*.parquet"))})"));
        }

        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task DisposeAsync_FailedReimport_LeavesCommittedFilesUntouched()
    {
        var dataset = new TickParquetDataset(Root);
        var first = SyntheticTicks.Create(2_000, seed: 1, maxStepMicros: 60_000_000);
        await using (var write = dataset.BeginWrite("source"))
        {
            await write.AppendAsync("EURUSD", first, Ct);
            await write.CommitAsync(Ct);
        }
        var before = Snapshot();

        var second = SyntheticTicks.Create(2_000, seed: 2, maxStepMicros: 60_000_000);
        second.Timestamps[1_500] = second.Timestamps[0];
        await using (var write = dataset.BeginWrite("source"))
        {
            await write.AppendAsync("EURUSD", second, 0, 1_000, Ct);
            await Assert.ThrowsAsync<MarketDataException>(() => write.AppendAsync("EURUSD", second, 1_000, 1_000, Ct).AsTask());
        }

        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public async Task CommitAsync_SameSourceTwice_ReplacesItsFilesAtomically()
    {
        var dataset = new TickParquetDataset(Root);
        var first = SyntheticTicks.Create(1_000, seed: 1);
        var second = SyntheticTicks.Create(1_500, seed: 2);
        await using (var write = dataset.BeginWrite("source"))
        {
            await write.AppendAsync("EURUSD", first, Ct);
            await write.CommitAsync(Ct);
        }
        var path = dataset.ListFiles().Single().Path;

        await using (var write = dataset.BeginWrite("source"))
        {
            await write.AppendAsync("EURUSD", second, Ct);
            // Until the commit, readers still see the old file, whole.
            TickFileAssert.Equal("EURUSD", first, DuckDb.ReadTicks(path));
            var commit = await write.CommitAsync(Ct);
            Assert.Equal(path, commit.Files.Single().Path);
        }

        Assert.Equal(path, dataset.ListFiles().Single().Path);
        TickFileAssert.Equal("EURUSD", second, DuckDb.ReadTicks(path));
        Assert.Single(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CommitAsync_TwoSources_BothFilesInThePartition()
    {
        var dataset = new TickParquetDataset(Root);
        foreach (var (source, seed) in new[] { ("a", 1), ("b", 2) })
        {
            await using var write = dataset.BeginWrite(source);
            await write.AppendAsync("EURUSD", SyntheticTicks.Create(100, seed: seed), Ct);
            await write.CommitAsync(Ct);
        }

        Assert.Equal(["a.parquet", "b.parquet"], dataset.ListFiles().Select(f => Path.GetFileName(f.Path)));
        Assert.Equal(200L, DuckDb.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(Path.Combine(Root, "**", "*.parquet"))}, hive_partitioning = true)"));
    }

    [Fact]
    public async Task AppendAsync_TimeGoesBackwardsInABatch_ThrowsInvalidTickNamingSymbolAndBothTimes()
    {
        var ticks = SyntheticTicks.Create(10);
        ticks.Timestamps[6] = TickTime.ToMicros(new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc)) + 1;
        var previous = TickTime.FromMicros(ticks.Timestamps[5]).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
        await using var write = new TickParquetDataset(Root).BeginWrite("src");

        var e = await Assert.ThrowsAsync<MarketDataException>(() => write.AppendAsync("EURUSD", ticks, Ct).AsTask());

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
        Assert.Contains(previous, e.Message, StringComparison.Ordinal);
        Assert.Contains("2019-02-04T00:00:00.000001Z", e.Message, StringComparison.Ordinal);
        Assert.Equal("ts", e.Field);
        Assert.Equal("src", e.File);
    }

    [Fact]
    public async Task AppendAsync_TimeGoesBackwardsAcrossBatches_ThrowsAndKeepsTheTransactionUsable()
    {
        var ticks = SyntheticTicks.Create(100);
        await using var write = new TickParquetDataset(Root).BeginWrite("src");
        await write.AppendAsync("EURUSD", ticks, 50, 50, Ct);
        await write.AppendAsync("USDJPY", ticks, 0, 10, Ct);

        var e = await Assert.ThrowsAsync<MarketDataException>(() => write.AppendAsync("EURUSD", ticks, 0, 10, Ct).AsTask());
        var commit = await write.CommitAsync(Ct);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Contains("Ticks of EURUSD go back in time", e.Message, StringComparison.Ordinal);
        Assert.Equal([("EURUSD", 50L), ("USDJPY", 10L)], commit.Files.Select(f => (f.Symbol, f.Rows)));
    }

    [Fact]
    public async Task CommitAsync_IdenticalRuns_ByteIdenticalFiles()
    {
        var ticks = SyntheticTicks.Create(20_000, maxStepMicros: 30_000_000, nanVolumeShare: 0.05);
        var options = new TickParquetOptions { RowGroupSize = 4_096, PageSizeBytes = 8_192 };
        var runs = new List<Dictionary<string, byte[]>>();
        foreach (var run in new[] { "run1", "run2" })
        {
            var dataset = new TickParquetDataset(Path.Combine(_dir.Path, run), options);
            await using var write = dataset.BeginWrite("source");
            await write.AppendAsync("EURUSD", ticks, Ct);
            await write.CommitAsync(Ct);
            runs.Add(dataset.ListFiles().ToDictionary(f => f.RelativePath, f => File.ReadAllBytes(f.Path)));
        }

        Assert.True(runs[0].Count >= 3);
        Assert.Equal(runs[0].Keys, runs[1].Keys);
        Assert.All(runs[0], kv => Assert.Equal(kv.Value, runs[1][kv.Key]));
    }

    [Fact]
    public async Task AppendAsync_MoreSymbolsThanOpenFiles_FinishesTheLeastRecentFile()
    {
        var day1 = SyntheticTicks.Create(10);
        var day2 = SyntheticTicks.Create(10, startMicros: SyntheticTicks.Start + Day);
        await using var write = new TickParquetDataset(Root, new TickParquetOptions { MaxOpenPartitions = 1 }).BeginWrite("src");

        await write.AppendAsync("EURUSD", day1, Ct);
        await write.AppendAsync("USDJPY", day1, Ct);
        await write.AppendAsync("EURUSD", day2, Ct);
        var commit = await write.CommitAsync(Ct);

        Assert.Equal([("EURUSD", 4), ("EURUSD", 5), ("USDJPY", 4)], commit.Files.Select(f => (f.Symbol, f.Date.Day)));
        Assert.All(commit.Files, f => Assert.Equal(10, f.Rows));
    }

    [Fact]
    public async Task AppendAsync_MoreTicksForAFileFinishedToBoundOpenFiles_ThrowsNamingTheSetting()
    {
        var ticks = SyntheticTicks.Create(30);
        var options = new TickParquetOptions { MaxOpenPartitions = 1 };
        await using var write = new TickParquetDataset(Root, options).BeginWrite("src");
        await write.AppendAsync("EURUSD", ticks, 0, 10, Ct);
        await write.AppendAsync("USDJPY", ticks, 0, 10, Ct);

        var e = await Assert.ThrowsAsync<MarketDataException>(() => write.AppendAsync("EURUSD", ticks, 10, 10, Ct).AsTask());

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("MaxOpenPartitions", e.Message, StringComparison.Ordinal);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppendAsync_TicksMovePastADate_ThatDaysFileIsFinishedBeforeTheCommit()
    {
        var ticks = SyntheticTicks.Create(100);
        var nextDay = SyntheticTicks.Create(1, startMicros: SyntheticTicks.Start + Day);
        await using var write = new TickParquetDataset(Root).BeginWrite("src");
        await write.AppendAsync("EURUSD", ticks, Ct);
        var day1 = Directory.EnumerateFiles(Path.Combine(Root, "symbol=EURUSD", "date=2019-02-04")).Single();
        Assert.ThrowsAny<Exception>(() => DuckDb.ReadTicks(day1));

        await write.AppendAsync("EURUSD", nextDay, Ct);

        // Still hidden (temp name), but already a complete Parquet file.
        Assert.StartsWith(".src.parquet.tmp-", Path.GetFileName(day1), StringComparison.Ordinal);
        TickFileAssert.Equal("EURUSD", ticks, DuckDb.ReadTicks(day1));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".hidden")]
    [InlineData("_hidden")]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("x=y")]
    public void BeginWrite_UnsafeSourceId_ThrowsInvalidOptions(string sourceId)
    {
        var e = Assert.Throws<MarketDataException>(() => new TickParquetDataset(Root).BeginWrite(sourceId));

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Equal("sourceId", e.Field);
    }

    [Fact]
    public async Task AppendAsync_UnsafeSymbol_ThrowsInvalidOptions()
    {
        await using var write = new TickParquetDataset(Root).BeginWrite("src");

        var e = await Assert.ThrowsAsync<MarketDataException>(() => write.AppendAsync("EUR/USD", SyntheticTicks.Create(1), Ct).AsTask());

        Assert.Equal("symbol", e.Field);
        Assert.Equal("EUR/USD", e.Actual);
    }

    [Fact]
    public async Task CommitAsync_NothingAppended_CommitsNoFile()
    {
        await using var write = new TickParquetDataset(Root).BeginWrite("src");
        await write.AppendAsync("EURUSD", new TickColumns(), Ct);

        var commit = await write.CommitAsync(Ct);

        Assert.Empty(commit.Files);
        Assert.False(Directory.Exists(Root));
    }

    [Fact]
    public async Task AppendAsync_AfterCommit_Throws()
    {
        await using var write = new TickParquetDataset(Root).BeginWrite("src");
        await write.CommitAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => write.AppendAsync("EURUSD", SyntheticTicks.Create(1), Ct).AsTask());
    }

    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
}

using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CsvTickPipelineTests : IDisposable
{
    private const int BatchSize = 777;

    // Small row groups and pages, so they split inside batches and batches straddle days.
    private static readonly TickParquetOptions Parquet = new() { RowGroupSize = 5_000, PageSizeBytes = 4_096 };

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(CsvTickFormat.DukascopyNode, 2)]
    [InlineData(CsvTickFormat.DukascopyNode, 4)]
    [InlineData(CsvTickFormat.Dukascopy, 2)]
    public async Task CopyAsync_Overlapped_WritesTheSameBytesAsSequential(CsvTickFormat format, int threads)
    {
        var ticks = ThreeDays();
        var csv = WriteCsv(format, ticks);

        var sequential = await CopyAndCommitAsync(csv, _dir.File("sequential"), Options(format, 1));
        var overlapped = await CopyAndCommitAsync(csv, _dir.File("overlapped"), Options(format, threads));

        Assert.Equal(3, sequential.Files.Count);
        Assert.Equal(ticks.Count, sequential.Rows);
        Assert.Equal(sequential.Files.Select(f => f.RelativePath), overlapped.Files.Select(f => f.RelativePath));
        foreach (var (a, b) in sequential.Files.Zip(overlapped.Files))
        {
            Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CopyAsync_BadRowAfterSeveralBatchesAndDays_ThrowsTheReadersErrorAndLeavesNothing(int threads)
    {
        var ticks = ThreeDays();
        var lines = File.ReadAllLines(WriteCsv(CsvTickFormat.DukascopyNode, ticks)).ToList();
        // Line numbers are 1-based with the header on line 1: this row sits on the third day, many batches in.
        var badLine = lines.Count - 10;
        lines[badLine - 1] = lines[badLine - 1].Replace(',', ';');
        var csv = _dir.Write("bad.csv", lines);
        var root = _dir.File("ticks");

        var e = await Assert.ThrowsAsync<MarketDataException>(() => CopyAndCommitAsync(csv, root, Options(CsvTickFormat.DukascopyNode, threads)));

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(badLine, e.Line);
        Assert.Equal(csv, e.File);
        Assert.False(Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Any(),
            "a failed copy must leave no file, temp file or directory behind");
    }

    [Fact]
    public async Task CopyAsync_WriterFailsOverlapped_ThrowsTheWritersErrorAndStopsParsingWithinTheBatchesInFlight()
    {
        var ticks = ThreeDays();
        var options = Options(CsvTickFormat.DukascopyNode, 2);
        using var reader = CsvTickReader.Open(WriteCsv(CsvTickFormat.DukascopyNode, ticks), options);
        var writer = new TickParquetDataset(_dir.File("ticks"), Parquet).BeginWrite("src");
        await writer.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => CsvTickPipeline.CopyAsync(reader, writer, options, Ct));

        // The parse task has stopped (the reader is free again) after at most the batches in circulation.
        Assert.InRange(reader.Summary.Ticks, 1, CsvTickPipeline.BatchesInFlight * BatchSize);
        Assert.False(reader.Summary.Completed);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task CopyAsync_Cancelled_ThrowsAndCommitsNothing(int threads)
    {
        var csv = WriteCsv(CsvTickFormat.DukascopyNode, ThreeDays());
        var options = Options(CsvTickFormat.DukascopyNode, threads);
        var root = _dir.File("ticks");
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        using (var reader = CsvTickReader.Open(csv, options))
        {
            await using var writer = new TickParquetDataset(root, Parquet).BeginWrite("src");
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => CsvTickPipeline.CopyAsync(reader, writer, options, cancel.Token));
        }

        Assert.Empty(new TickParquetDataset(root).ListFiles());
    }

    [Fact]
    public async Task CopyAsync_OneBatchFile_Overlapped_WritesEveryTick()
    {
        var ticks = CsvTestData.RandomWalk(CsvTestData.Eurusd, 10, new DateTime(2019, 2, 4, 8, 0, 0, DateTimeKind.Utc));

        var commit = await CopyAndCommitAsync(WriteCsv(CsvTickFormat.DukascopyNode, ticks), _dir.File("ticks"), Options(CsvTickFormat.DukascopyNode, 2));

        Assert.Equal(10, Assert.Single(commit.Files).Rows);
    }

    private static CsvImportOptions Options(CsvTickFormat format, int threads) =>
        new() { Format = format, Symbol = "EURUSD", BatchSize = BatchSize, MaxDegreeOfParallelism = threads };

    private static async Task<TickDatasetCommit> CopyAndCommitAsync(string csv, string root, CsvImportOptions options)
    {
        using var reader = CsvTickReader.Open(csv, options);
        await using var writer = new TickParquetDataset(root, Parquet).BeginWrite("src");
        await CsvTickPipeline.CopyAsync(reader, writer, options, Ct);
        return await writer.CommitAsync(Ct);
    }

    /// <summary>About 20,000 ticks over three UTC days (Monday to Wednesday), 7,000 a day.</summary>
    private static TickColumns ThreeDays()
    {
        var all = new TickColumns();
        for (var day = 0; day < 3; day++)
        {
            var ticks = CsvTestData.RandomWalk(CsvTestData.Eurusd, 7_000, new DateTime(2019, 2, 4 + day, 1, 0, 0, DateTimeKind.Utc), seed: day);
            all.AddRange(ticks, 0, ticks.Count);
        }
        return all;
    }

    private string WriteCsv(CsvTickFormat format, TickColumns ticks)
    {
        var path = _dir.File(format + ".csv");
        CsvTickFileWriter.Write(path, ticks, new CsvTickWriteOptions { Format = format, Instrument = CsvTestData.Eurusd });
        return path;
    }
}

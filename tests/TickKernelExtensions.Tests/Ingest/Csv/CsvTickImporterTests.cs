using Microsoft.Extensions.Time.Testing;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CsvTickImporterTests : IDisposable
{
    private static readonly TickParquetOptions Parquet = new() { RowGroupSize = 5_000, PageSizeBytes = 4_096 };
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _dir = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ImportAsync_GoodFile_CommitsOneFilePerDayAndTheRawCopy(int threads)
    {
        var csv = WriteTwoDays();
        var layout = new DataLayout(_dir.File("data"));

        var result = await Importer(layout).ImportAsync(csv, Options(threads), Ct);

        Assert.True(result.Summary.Completed);
        Assert.Equal(8_000, result.Summary.Ticks);
        Assert.Equal([new DateOnly(2019, 2, 4), new DateOnly(2019, 2, 5)], result.Commit.Files.Select(f => f.Date));
        Assert.Equal(8_000, result.Commit.Rows);
        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(result.RawPath));
        Assert.Equal(result.Commit.Files.Select(f => f.Path), new TickParquetDataset(layout.Ticks).ListFiles().Select(f => f.Path));
    }

    [Fact]
    public async Task ImportAsync_OneThreadOrTwo_SameFilesByteForByte()
    {
        var csv = WriteTwoDays();
        var one = await Importer(new DataLayout(_dir.File("one"))).ImportAsync(csv, Options(1), Ct);
        var two = await Importer(new DataLayout(_dir.File("two"))).ImportAsync(csv, Options(2), Ct);

        Assert.Equal(one.Commit.Files.Select(f => f.RelativePath), two.Commit.Files.Select(f => f.RelativePath));
        foreach (var (a, b) in one.Commit.Files.Zip(two.Commit.Files))
        {
            Assert.Equal(File.ReadAllBytes(a.Path), File.ReadAllBytes(b.Path));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ImportAsync_CrossedQuoteOnTheLastDay_QuarantinesAndImportsNothing(int threads)
    {
        var lines = File.ReadAllLines(WriteTwoDays()).ToList();
        // timestamp,askPrice,bidPrice,...: an ask far below the bid, on a row of the second day.
        var badLine = lines.Count - 5;
        var fields = lines[badLine - 1].Split(',');
        fields[1] = "0.70000";
        lines[badLine - 1] = string.Join(',', fields);
        var csv = _dir.Write("eurusd-bad.csv", lines);
        var layout = new DataLayout(_dir.File("data"));

        var e = await Assert.ThrowsAsync<MarketDataException>(() => Importer(layout).ImportAsync(csv, Options(threads), Ct));

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(badLine, e.Line);
        var quarantined = Path.Combine(layout.Quarantine, "20261124T120000Z-eurusd-bad.csv");
        Assert.Equal(File.ReadAllBytes(csv), File.ReadAllBytes(quarantined));
        Assert.Contains("InvalidTick", File.ReadAllText(quarantined + ".error.txt"), StringComparison.Ordinal);
        Assert.False(Directory.Exists(layout.Ticks) && Directory.EnumerateFileSystemEntries(layout.Ticks, "*", SearchOption.AllDirectories).Any(),
            "no Parquet file, temp file or partition directory may remain");
        Assert.False(Directory.Exists(layout.Raw) && Directory.EnumerateFiles(layout.Raw, "*.csv", SearchOption.AllDirectories).Any(),
            "the raw zone must not receive a refused file");
    }

    private static CsvTickImporter Importer(DataLayout layout) => new(layout, Parquet, new FakeTimeProvider(Now));

    private static CsvImportOptions Options(int threads) =>
        new() { Format = CsvTickFormat.DukascopyNode, Symbol = "EURUSD", BatchSize = 999, MaxDegreeOfParallelism = threads };

    /// <summary>8,000 ticks in dukascopy-node CSV: 4,000 on Monday 2019-02-04 and 4,000 on Tuesday.</summary>
    private string WriteTwoDays()
    {
        var ticks = new TickColumns();
        for (var day = 0; day < 2; day++)
        {
            var part = CsvTestData.RandomWalk(CsvTestData.Eurusd, 4_000, new DateTime(2019, 2, 4 + day, 9, 0, 0, DateTimeKind.Utc), seed: 10 + day);
            ticks.AddRange(part, 0, part.Count);
        }
        var path = _dir.File("eurusd.csv");
        CsvTickFileWriter.Write(path, ticks, new CsvTickWriteOptions { Format = CsvTickFormat.DukascopyNode, Instrument = CsvTestData.Eurusd });
        return path;
    }
}

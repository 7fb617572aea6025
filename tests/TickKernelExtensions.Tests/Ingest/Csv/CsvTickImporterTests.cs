using System.Globalization;
using System.Text;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;


namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CsvTickImporterTests : IDisposable
{
    // 2024-03-04 (Monday) 10:00 UTC.
    private const long T0 = 1_709_546_400_000;
    private const string Header = "timestamp,askPrice,bidPrice,askVolume,bidVolume";
    private static readonly CsvImportOptions Eur = new() { Symbol = "EURUSD" };
    private readonly TempDirectory _dir = new();
    private readonly DataLayout _layout;

    public CsvTickImporterTests() => _layout = new DataLayout(_dir.Combine("data"));

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Good rows over two UTC days (so two partitions get staged), then the given last line.</summary>
    private string WriteCsv(string name, string? lastLine = null, string header = Header)
    {
        var b = new StringBuilder(header).Append('\n');
        for (var i = 0; i < 2000; i++)
        {
            var ts = T0 + (i * 60_000L);   // one a minute: 2000 minutes cross midnight
            var bid = 1.08500 + (i % 50 * 0.00001);
            b.Append(CultureInfo.InvariantCulture, $"{ts},{bid + 0.00012:0.00000},{bid:0.00000},1.5,2.25\n");
        }
        if (lastLine is not null)
        {
            b.Append(lastLine).Append('\n');
        }
        var path = _dir.Combine(name);
        File.WriteAllText(path, b.ToString());
        return path;
    }

    private string ParquetGlob => Path.Combine(_layout.Ticks, "**", "*.parquet");

    private IEnumerable<string> ParquetFiles() =>
        Directory.Exists(_layout.Ticks) ? Directory.EnumerateFiles(_layout.Ticks, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task ImportAsync_GoodFile_RawCopyAndParquetPartitions()
    {
        var path = WriteCsv("EURUSD_ticks.csv");

        var result = await new CsvTickImporter(_layout).ImportAsync(path, Eur, Ct);

        Assert.Equal(2000, result.Summary.Ticks);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(result.RawPath));
        Assert.Equal(Path.Combine(_layout.Raw, "csv-dukascopynode", "EURUSD_ticks.csv"), result.RawPath);
        Assert.Equal(2, result.Commit.Files.Count);
        Assert.Equal(2000, DuckDb.Scalar<long>($"SELECT count(*) FROM read_parquet({DuckDb.Literal(ParquetGlob)}, hive_partitioning=true)"));
        Assert.Equal(["2024-03-04", "2024-03-05"], DuckDb.Query(
            $"SELECT DISTINCT CAST(date AS VARCHAR) d FROM read_parquet({DuckDb.Literal(ParquetGlob)}, hive_partitioning=true) ORDER BY d").Select(r => (string)r[0]!));
        Assert.Equal(1.08500, DuckDb.Scalar<double>($"SELECT min(bid) FROM read_parquet({DuckDb.Literal(ParquetGlob)})"), 9);
    }

    [Fact]
    public async Task ImportAsync_SameFileTwice_IsIdempotent()
    {
        var path = WriteCsv("EURUSD_ticks.csv");
        var importer = new CsvTickImporter(_layout);
        var first = await importer.ImportAsync(path, Eur, Ct);
        var bytes = first.Commit.Files.Select(f => File.ReadAllBytes(f.Path)).ToList();

        var second = await importer.ImportAsync(path, Eur, Ct);

        Assert.Equal(bytes, second.Commit.Files.Select(f => File.ReadAllBytes(f.Path)).ToList());
        Assert.Equal(2, ParquetFiles().Count());
        Assert.Equal(RawVerdict.AlreadyStored, new RawZone(_layout.Raw).Manifest("csv-dukascopynode").Latest()["EURUSD_ticks.csv"].Verdict);
    }

    public static TheoryData<string, string?, string, MarketDataErrorKind> BadInputs() => new()
    {
        { "bad row", $"{T0 + 200_000_000},abc,1.08510,1,1", Header, MarketDataErrorKind.MalformedRow },
        { "ask below bid", $"{T0 + 200_000_000},1.08500,1.08510,1,1", Header, MarketDataErrorKind.InvalidTick },
        { "NaN", $"{T0 + 200_000_000},NaN,1.08510,1,1", Header, MarketDataErrorKind.MalformedRow },
        { "negative price", $"{T0 + 200_000_000},1.08520,-1.08510,1,1", Header, MarketDataErrorKind.InvalidTick },
        { "out of order", $"{T0},1.08520,1.08510,1,1", Header, MarketDataErrorKind.InvalidTick },
        { "wrong scale", $"{T0 + 200_000_000},10.8520,10.8510,1,1", Header, MarketDataErrorKind.InvalidTick },
        { "wrong delimiter", null, "timestamp;askPrice;bidPrice;askVolume;bidVolume", MarketDataErrorKind.UnknownFormat },
        { "unknown format", null, "time,price", MarketDataErrorKind.UnknownFormat },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task ImportAsync_BadInput_QuarantinedAndNothingPartial(string name, string? lastLine, string header, MarketDataErrorKind kind)
    {
        var path = WriteCsv(name.Replace(' ', '_') + ".csv", lastLine, header);

        var e = await Assert.ThrowsAsync<MarketDataException>(() => new CsvTickImporter(_layout).ImportAsync(path, Eur, Ct));

        Assert.Equal(kind, e.Kind);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Empty(ParquetFiles());
        Assert.False(Directory.Exists(Path.Combine(_layout.Raw, "csv-dukascopynode")) && Directory.EnumerateFiles(Path.Combine(_layout.Raw, "csv-dukascopynode")).Any(f => !Path.GetFileName(f).StartsWith('_')));
        var quarantined = Assert.Single(Directory.GetFiles(_layout.Quarantine, "*.csv"));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(quarantined));
        Assert.Contains(kind.ToString(), File.ReadAllText(quarantined + ".error.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportAsync_BadLastRow_ErrorNamesLineFieldExpectedActual()
    {
        var path = WriteCsv("bad.csv", $"{T0 + 200_000_000},1.0852x,1.08510,1,1");

        var e = await Assert.ThrowsAsync<MarketDataException>(() => new CsvTickImporter(_layout).ImportAsync(path, Eur, Ct));

        Assert.Equal(2002, e.Line);
        Assert.Equal("askPrice", e.Field);
        Assert.Equal("1.0852x", e.Actual);
        Assert.NotNull(e.Expected);
    }

    [Fact]
    public async Task ImportAsync_DuplicateTick_Quarantined()
    {
        var path = WriteCsv("dup.csv");
        var last = File.ReadLines(path).Last();
        File.AppendAllText(path, last + "\n");

        var e = await Assert.ThrowsAsync<MarketDataException>(() => new CsvTickImporter(_layout).ImportAsync(path, Eur, Ct));

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Contains("repeats", e.Message, StringComparison.Ordinal);
        Assert.Empty(ParquetFiles());
    }

    [Fact]
    public async Task ImportAsync_UnknownSymbol_QuarantinedWithSuggestion()
    {
        var path = WriteCsv("ticks.csv");

        var e = await Assert.ThrowsAsync<MarketDataException>(() =>
            new CsvTickImporter(_layout).ImportAsync(path, new CsvImportOptions { Symbol = "EURUSX" }, Ct));

        Assert.Equal(MarketDataErrorKind.UnknownInstrument, e.Kind);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
        Assert.Empty(ParquetFiles());
    }

    [Fact]
    public async Task ImportAsync_BadFileAfterGoodImport_KeepsTheGoodImport()
    {
        var good = WriteCsv("good.csv");
        var importer = new CsvTickImporter(_layout);
        await importer.ImportAsync(good, Eur, Ct);
        var before = ParquetFiles().Order().Select(File.ReadAllBytes).ToList();
        var bad = WriteCsv("bad.csv", $"{T0 + 200_000_000},1.08500,1.08510,1,1");

        await Assert.ThrowsAsync<MarketDataException>(() => importer.ImportAsync(bad, Eur, Ct));

        Assert.Equal(before, ParquetFiles().Order().Select(File.ReadAllBytes).ToList());
    }

    [Fact]
    public async Task ImportAsync_OneThreadOrTwo_SameParquetBytes()
    {
        var path = WriteCsv("EURUSD_ticks.csv");
        var one = await new CsvTickImporter(new DataLayout(_dir.Combine("one"))).ImportAsync(path, Eur with { BatchSize = 333, MaxDegreeOfParallelism = 1 }, Ct);
        var two = await new CsvTickImporter(new DataLayout(_dir.Combine("two"))).ImportAsync(path, Eur with { BatchSize = 333, MaxDegreeOfParallelism = 2 }, Ct);

        Assert.Equal(2, one.Commit.Files.Count);
        Assert.Equal(one.Commit.Files.Select(f => f.RelativePath), two.Commit.Files.Select(f => f.RelativePath));
        Assert.Equal(one.Commit.Files.Select(f => File.ReadAllBytes(f.Path)), two.Commit.Files.Select(f => File.ReadAllBytes(f.Path)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task ImportAsync_BadLastRowAfterManyBatches_QuarantinedAndNothingPartialOnEitherPath(int threads)
    {
        // Many small batches over two days: the first day's file is staged before the last row fails.
        var path = WriteCsv("crossed.csv", $"{T0 + 200_000_000},1.08500,1.08510,1,1");
        var options = Eur with { BatchSize = 100, MaxDegreeOfParallelism = threads };

        var e = await Assert.ThrowsAsync<MarketDataException>(() => new CsvTickImporter(_layout).ImportAsync(path, options, Ct));

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(2002, e.Line);
        Assert.Empty(ParquetFiles());
        Assert.False(Directory.Exists(_layout.Ticks) && Directory.EnumerateFileSystemEntries(_layout.Ticks, "*", SearchOption.AllDirectories).Any(),
            "no temp file or partition directory may remain");
        var quarantined = Assert.Single(Directory.GetFiles(_layout.Quarantine, "*.csv"));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(quarantined));
    }
}

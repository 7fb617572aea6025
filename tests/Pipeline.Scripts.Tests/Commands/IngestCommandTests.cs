namespace Pipeline.Scripts.Tests.Commands;

public sealed class IngestCommandTests
{
    [Fact]
    public async Task Ingest_SmallBuiltInMarket_WritesRawAndParquetThenRerunIsUpToDate()
    {
        using var dir = new TempDirectory();
        string[] args = ["ingest", "--data", dir.Path, "--symbols", "EURUSD,BTCUSD", "--from", "2024-03-08", "--to", "2024-03-10", "--tick-rate-scale", "0.05"];

        var (exit, error) = await CliRunner.RunAsync(args);

        Assert.True(exit == 0, error);
        var raw = Directory.GetDirectories(dir.Combine("raw"));
        var source = Path.GetFileName(Assert.Single(raw));
        Assert.StartsWith("builtin-", source, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(raw[0], "_manifest.jsonl")));
        var parquet = Directory.GetFiles(dir.Combine("parquet", "ticks"), "*.parquet", SearchOption.AllDirectories);
        Assert.Contains(parquet, p => p.Contains("symbol=BTCUSD", StringComparison.Ordinal) && p.Contains("date=2024-03-09", StringComparison.Ordinal));
        Assert.All(parquet, p => Assert.Equal(source + ".parquet", Path.GetFileName(p)));
        var stamps = parquet.ToDictionary(p => p, File.GetLastWriteTimeUtc);

        var (again, againError) = await CliRunner.RunAsync(args);

        Assert.True(again == 0, againError);
        Assert.All(stamps, kv => Assert.Equal(kv.Value, File.GetLastWriteTimeUtc(kv.Key)));
    }

    [Fact]
    public async Task Ingest_RealFeedWithoutSymbols_ExplainsWhatIsMissing()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--source", "bi5");

        Assert.Equal(2, exit);
        Assert.Contains("Symbols are required", error, StringComparison.Ordinal);
        Assert.Contains("FromUtc and ToUtc are required", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_UnknownSymbol_FailsWithSuggestion()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSX");

        Assert.Equal(2, exit);
        Assert.Contains("Unknown instrument 'EURUSX'", error, StringComparison.Ordinal);
        Assert.Contains("EURUSD", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ingest_FileMirrorOfRealFixture_StoresItUnderDukascopyBi5()
    {
        using var dir = new TempDirectory();
        var fixture = FindFixture("dukascopy/bi5/EURUSD/2019/01/04/00h_ticks.bi5");
        var mirror = dir.Combine("mirror", "EURUSD", "2019", "01", "04");
        Directory.CreateDirectory(mirror);
        File.Copy(fixture, Path.Combine(mirror, "00h_ticks.bi5"));

        var (exit, error) = await CliRunner.RunAsync("ingest", "--data", dir.Combine("data"), "--source", "bi5",
            "--base-url", new Uri(dir.Combine("mirror") + "/").AbsoluteUri, "--symbols", "EURUSD",
            "--from", "2019-02-04T00:00", "--to", "2019-02-04T01:00");

        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllBytes(fixture), File.ReadAllBytes(dir.Combine("data", "raw", "dukascopy-bi5", "EURUSD", "2019", "01", "04", "00h_ticks.bi5")));
        Assert.True(File.Exists(dir.Combine("data", "parquet", "ticks", "symbol=EURUSD", "date=2019-02-04", "dukascopy-bi5.parquet")));
    }

    [Fact]
    public async Task Ingest_HourCandlesFromFileMirror_StoresTheMonthFile()
    {
        using var dir = new TempDirectory();
        var fixture = FindFixture("dukascopy/bi5/EURUSD/2019/01/BID_candles_hour_1.bi5");
        var mirror = dir.Combine("mirror", "EURUSD", "2019", "01");
        Directory.CreateDirectory(mirror);
        File.Copy(fixture, Path.Combine(mirror, "BID_candles_hour_1.bi5"));

        var (exit, error) = await CliRunner.RunAsync("ingest", "--data", dir.Combine("data"), "--source", "bi5",
            "--base-url", new Uri(dir.Combine("mirror") + "/").AbsoluteUri, "--symbols", "EURUSD",
            "--from", "2019-02-01", "--to", "2019-03-01", "--candles", "h1");

        Assert.True(exit == 0, error);
        Assert.Equal(File.ReadAllBytes(fixture), File.ReadAllBytes(dir.Combine("data", "raw", "dukascopy-bi5", "EURUSD", "2019", "01", "BID_candles_hour_1.bi5")));
    }

    [Fact]
    public async Task Ingest_CandlesFromBuiltInMarket_IsRefused()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--candles", "m1");

        Assert.Equal(2, exit);
        Assert.Contains("tick hours only", error, StringComparison.Ordinal);
    }

    internal static string FindFixture(string relative)
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Notebooks.sln")))
            {
                var path = Path.Combine(d.FullName, "..", "shared", "fixtures", relative);
                if (File.Exists(path))
                {
                    return path;
                }
                if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                {
                    Assert.Fail($"Fixture missing under CI: {path}");
                }
                Assert.Skip($"The shared fixtures are missing ({path}).");
            }
        }
        throw new InvalidOperationException("Notebooks.sln not found.");
    }
}

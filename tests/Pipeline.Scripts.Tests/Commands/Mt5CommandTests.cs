using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Modeling.Signals;

namespace Pipeline.Scripts.Tests.Commands;

public sealed class Mt5CommandTests
{
    private static readonly DateTime Issued = new(2024, 3, 7, 10, 0, 0, 250, DateTimeKind.Utc);

    private static TradeSignal Signal(int minutes, string symbol = "EURUSD", SignalAction action = SignalAction.Buy) => new()
    {
        Symbol = symbol,
        Time = Issued.AddMinutes(minutes),
        Action = action,
        Confidence = 0.66,
        Reason = "meta-label",
        ModelName = "gold-core-direction",
        ModelVersion = "1",
        Expiry = Issued.AddMinutes(minutes + 15),
    };

    [Fact]
    public async Task ExportTicks_AfterProcess_WritesTheRangeInServerTimeThatReadsBackInOrder()
    {
        using var dir = new TempDirectory();
        var (ingested, ingestError) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-07", "--to", "2024-03-08", "--tick-rate-scale", "0.05");
        Assert.True(ingested == 0, ingestError);
        var (published, publishError) = await CliRunner.RunAsync("publish", "--data", dir.Path);
        Assert.True(published == 0, publishError);
        var (processed, processError) = await CliRunner.RunAsync("process", "--data", dir.Path, "--no-dataset");
        Assert.True(processed == 0, processError);
        var path = Path.Combine(dir.Path, "mt5", "EURUSD.ticks.csv");

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("mt5", "export-ticks", "--data", dir.Path, "--symbol", "EURUSD",
            "--from", "2024-03-07T10:00", "--to", "2024-03-07T12:00", "--server-time", "new-york-close", "--out", path);

        Assert.True(exit == 0, error);
        Assert.Matches(@"^EURUSD: [\d,]+ ticks 2024\.03\.07 12:\d\d:\d\d\.\d{3} \.\. 2024\.03\.07 13:\d\d:\d\d\.\d{3} \(server time new-york-close, 5 digits\) -> .*EURUSD\.ticks\.csv \(sha256 [0-9a-f]{12}\)", output);
        Assert.StartsWith("<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n2024.03.07\t12:", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var back = await Mt5TickFile.ReadAsync(path, Mt5ServerTime.NewYorkClose, TestContext.Current.CancellationToken);
        Assert.True(back.Count > 100, $"only {back.Count} ticks");
        Assert.Contains($"EURUSD: {back.Count:N0} ticks", output, StringComparison.Ordinal);
        Assert.True(back.TimeAt(0) >= new DateTime(2024, 3, 7, 10, 0, 0, DateTimeKind.Utc) && back.TimeAt(back.Count - 1) < new DateTime(2024, 3, 7, 12, 0, 0, DateTimeKind.Utc));
        Assert.DoesNotContain(Directory.GetFiles(Path.GetDirectoryName(path)!), f => f.EndsWith(".tmp", StringComparison.Ordinal));
        // An independent count: the SQL engine over silver.ticks, spikes (1) and crossed quotes (4) left out.
        var (sqlExit, counted, sqlError) = await CliRunner.RunWithOutputAsync("sql", "--data", dir.Path, "--format", "csv",
            "SELECT count(*) AS n FROM silver.ticks WHERE symbol = 'EURUSD' AND ts >= TIMESTAMP '2024-03-07 10:00:00' " +
            "AND ts < TIMESTAMP '2024-03-07 12:00:00' AND (coalesce(flags, 0) & 5) = 0");
        Assert.True(sqlExit == 0, sqlError);
        Assert.Equal($"n\n{back.Count}\n", counted.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task ExportTicks_NoSilverTable_ExitsThreeSayingWhatToRunFirst()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("mt5", "export-ticks", "--data", dir.Path, "--symbol", "EURUSD", "--out", Path.Combine(dir.Path, "t.csv"));

        Assert.Equal(3, exit);
        Assert.Contains("pipeline process", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(dir.Path, "t.csv")));
    }

    [Fact]
    public async Task ExportTicks_UnknownServerTime_ExitsThreeNamingIt()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("mt5", "export-ticks", "--data", dir.Path, "--symbol", "EURUSD", "--server-time", "Mars/Olympus", "--out", Path.Combine(dir.Path, "t.csv"));

        Assert.Equal(3, exit);
        Assert.Contains("Mars/Olympus", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportSignals_JsonArray_WritesAFileThatReadsBackToTheSameSignals()
    {
        using var dir = new TempDirectory();
        TradeSignal[] signals = [Signal(0), Signal(5, action: SignalAction.Flat)];
        var input = Path.Combine(dir.Path, "signals.json");
        await File.WriteAllTextAsync(input, "[" + string.Join(",\n", signals.Select(TradeSignalJson.Serialize)) + "]", TestContext.Current.CancellationToken);
        var path = Path.Combine(dir.Path, "tick-signals.csv");

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("mt5", "export-signals", "--in", input, "--out", path, "--server-time", "+02:00");

        Assert.True(exit == 0, error);
        Assert.Matches(@"^EURUSD: 2 signals 2024\.03\.07 12:00:00\.250 \.\. 2024\.03\.07 12:05:00\.250 \(server time \+02:00\) -> .*tick-signals\.csv \(sha256 [0-9a-f]{12}\)", output);
        var back = await Mt5SignalFile.ReadAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(signals, back.Rows.Select(r => r.Signal));
    }

    [Fact]
    public async Task ExportSignals_JsonLinesWithASignalForAnotherSymbol_ExitsTwoNamingLineAndBothSymbols()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "signals.jsonl");
        await File.WriteAllLinesAsync(input, [TradeSignalJson.Serialize(Signal(0)), TradeSignalJson.Serialize(Signal(1, "USDJPY"))], TestContext.Current.CancellationToken);
        var path = Path.Combine(dir.Path, "tick-signals.csv");

        var (exit, error) = await CliRunner.RunAsync("mt5", "export-signals", "--in", input, "--out", path, "--symbol", "EURUSD");

        Assert.Equal(2, exit);
        Assert.Contains("line 4: A signal is for another symbol than the file's. (field 'symbol', expected EURUSD, actual 'USDJPY')", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ExportSignals_BadJson_ExitsTwoNamingTheSignalAndField()
    {
        using var dir = new TempDirectory();
        var input = Path.Combine(dir.Path, "signals.json");
        await File.WriteAllTextAsync(input, "[" + TradeSignalJson.Serialize(Signal(0)).Replace("\"buy\"", "\"hold\"", StringComparison.Ordinal) + "]", TestContext.Current.CancellationToken);

        var (exit, error) = await CliRunner.RunAsync("mt5", "export-signals", "--in", input, "--out", Path.Combine(dir.Path, "s.csv"));

        Assert.Equal(2, exit);
        Assert.Contains("signal [0]", error, StringComparison.Ordinal);
        Assert.Contains("field 'action'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TickSignalEa_ChecksTheVersionLineHeaderAndTrailerTheExportWrites()
    {
        var ea = await File.ReadAllTextAsync(Path.Combine(Pipeline.Scripts.Tests.RunAll.RunAllCommandTests.RepositoryRoot(), "deploy", "mt5", "TickSignalEA.mq5"),
            TestContext.Current.CancellationToken);

        Assert.Contains($"\"{Mt5SignalExport.Header}\"", ea, StringComparison.Ordinal);
        Assert.Contains($"v[0] != \"{Mt5SignalExport.Magic}\" || v[1] != \"version={Mt5SignalExport.Version}\"", ea, StringComparison.Ordinal);
        Assert.Contains($"t[0] != \"{Mt5SignalExport.TrailerMagic}\"", ea, StringComparison.Ordinal);
        Assert.Contains("CryptEncode(CRYPT_HASH_SHA256, body, key, hash)", ea, StringComparison.Ordinal);
        // The file the tester ships to agents is the EA's default input.
        Assert.Contains("#property tester_file \"tick-signals.csv\"", ea, StringComparison.Ordinal);
        Assert.Contains("SignalFile         = \"tick-signals.csv\"", ea, StringComparison.Ordinal);
    }
}

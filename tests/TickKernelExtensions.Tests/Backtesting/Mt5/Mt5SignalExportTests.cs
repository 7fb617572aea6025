using System.Text;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Backtesting.Mt5;

public sealed class Mt5SignalExportTests
{
    private static readonly DateTime Issued = new(2024, 3, 4, 10, 0, 0, 123, DateTimeKind.Utc);

    private static TradeSignal Signal(int minutes, SignalAction action = SignalAction.Buy, string symbol = "EURUSD") => new()
    {
        Symbol = symbol,
        Time = Issued.AddMinutes(minutes),
        Action = action,
        Confidence = 0.71,
        AnomalyScore = minutes == 0 ? double.NaN : 0.125,
        Reason = "meta-label",
        ModelName = "gold-core-direction",
        ModelVersion = "3",
        Expiry = Issued.AddMinutes(minutes + 15),
    };

    private static readonly Mt5SignalExportOptions Options = new() { Symbol = "EURUSD" };

    [Fact]
    public void Format_TwoSignals_VersionLineHeaderRowsAndAHashTrailerOverTheBytesBefore()
    {
        var text = Mt5SignalExport.Format([Signal(0), Signal(5, SignalAction.Flat)], Options);

        var lines = text.Split('\n');
        Assert.Equal("#tick-signals,version=1,symbol=EURUSD,server-time=utc", lines[0]);
        Assert.Equal(Mt5SignalExport.Header, lines[1]);
        Assert.Equal($"{Mt5SignalExport.IdOf(Signal(0))},2024.03.04 10:00:00.123,EURUSD,buy,0.71,,2024.03.04 10:15:00.123,gold-core-direction,3,meta-label", lines[2]);
        Assert.Equal($"{Mt5SignalExport.IdOf(Signal(5, SignalAction.Flat))},2024.03.04 10:05:00.123,EURUSD,flat,0.71,0.125,2024.03.04 10:20:00.123,gold-core-direction,3,meta-label", lines[3]);
        var body = text[..(text.IndexOf("#end", StringComparison.Ordinal))];
        Assert.Equal($"#end,rows=2,sha256={Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)))}", lines[4]);
        Assert.Equal("", lines[5]);
    }

    [Fact]
    public void IdOf_SameSignalTwice_SameSixteenHexDigits_AndAnotherSignalDiffers()
    {
        Assert.Matches("^[0-9a-f]{16}$", Mt5SignalExport.IdOf(Signal(0)));
        Assert.Equal(Mt5SignalExport.IdOf(Signal(0)), Mt5SignalExport.IdOf(Signal(0)));
        Assert.NotEqual(Mt5SignalExport.IdOf(Signal(0)), Mt5SignalExport.IdOf(Signal(0, SignalAction.Sell)));
    }

    [Fact]
    public async Task ReadAsync_WrittenInNewYorkCloseTime_RoundTripsEverySignalAndId()
    {
        using var dir = new TempDirectory();
        var path = dir.File("signals.csv");
        TradeSignal[] signals = [Signal(0), Signal(5, SignalAction.Sell), Signal(6, SignalAction.Flat)];
        var options = Options with { ServerTime = Mt5ServerTime.NewYorkClose };

        var summary = await Mt5SignalExport.WriteAsync(signals, path, options, TestContext.Current.CancellationToken);
        var back = await Mt5SignalFile.ReadAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(3, summary.Rows);
        Assert.Equal(new DateTime(2024, 3, 4, 12, 0, 0, 123), summary.FirstServerTime);
        Assert.Contains("2024.03.04 12:00:00.123", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal("EURUSD", back.Symbol);
        Assert.Equal("new-york-close", back.ServerTime.Name);
        Assert.Equal(signals, back.Rows.Select(r => r.Signal));
        Assert.Equal(signals.Select(Mt5SignalExport.IdOf), back.Rows.Select(r => r.Id));
    }

    [Fact]
    public void Format_MicrosecondTimes_TimeFlooredExpiryRoundedUp()
    {
        var s = Signal(0) with { Time = Issued.AddTicks(9_990), Expiry = Issued.AddMinutes(1).AddTicks(10) };

        var row = Mt5SignalExport.Format([s], Options).Split('\n')[2];

        Assert.Contains(",2024.03.04 10:00:00.123,", row, StringComparison.Ordinal);
        Assert.Contains(",2024.03.04 10:01:00.124,", row, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_SignalForAnotherSymbol_NamesLineFieldExpectedAndActual()
    {
        var e = Assert.Throws<Mt5Exception>(() => Mt5SignalExport.Format([Signal(0), Signal(1, symbol: "USDJPY")], Options));

        Assert.Equal(Mt5ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(4, e.Line);
        Assert.Equal("line 4: A signal is for another symbol than the file's. (field 'symbol', expected EURUSD, actual 'USDJPY')", e.Message);
    }

    [Fact]
    public void Format_UnsortedTimes_NamesBothTimes()
    {
        var e = Assert.Throws<Mt5Exception>(() => Mt5SignalExport.Format([Signal(5), Signal(1)], Options));

        Assert.Equal("time", e.Field);
        Assert.Equal(4, e.Line);
        Assert.Equal("2024-03-04T10:01:00.123000Z", e.Actual);
        Assert.Contains("2024-03-04T10:05:00.123000Z", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_CommaInTheModelName_IsRefused() =>
        Assert.Equal("modelName", Assert.Throws<Mt5Exception>(() => Mt5SignalExport.Format([Signal(0) with { ModelName = "a,b" }], Options)).Field);

    [Fact]
    public void Format_SameSignalTwice_IsRefused() =>
        Assert.Equal("id", Assert.Throws<Mt5Exception>(() => Mt5SignalExport.Format([Signal(0), Signal(0)], Options)).Field);

    [Fact]
    public void Parse_TruncatedFile_IsRefusedAsTruncated()
    {
        var bytes = Encoding.UTF8.GetBytes(Mt5SignalExport.Format([Signal(0), Signal(5)], Options));

        var e = Assert.Throws<Mt5Exception>(() => Mt5SignalFile.Parse(bytes.AsSpan(0, bytes.Length - 90), "signals.csv"));

        Assert.Equal(Mt5ErrorKind.Truncated, e.Kind);
        Assert.Equal("trailer", e.Field);
    }

    [Fact]
    public void Parse_EditedRow_FailsTheHash()
    {
        var text = Mt5SignalExport.Format([Signal(0)], Options).Replace(",buy,", ",sell,", StringComparison.Ordinal);

        var e = Assert.Throws<Mt5Exception>(() => Mt5SignalFile.Parse(Encoding.UTF8.GetBytes(text), "signals.csv"));

        Assert.Equal(Mt5ErrorKind.Truncated, e.Kind);
        Assert.Equal("sha256", e.Field);
    }

    [Fact]
    public void Parse_BadActionWithAValidTrailer_NamesLineAndField()
    {
        var body = Mt5SignalExport.Format([Signal(0)], Options).Split("#end")[0].Replace(",buy,", ",hold,", StringComparison.Ordinal);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(body)));

        var e = Assert.Throws<Mt5Exception>(() => Mt5SignalFile.Parse(Encoding.UTF8.GetBytes($"{body}#end,rows=1,sha256={hash}\n"), "signals.csv"));

        Assert.Equal(Mt5ErrorKind.MalformedFile, e.Kind);
        Assert.Equal("signals.csv:3: The MT5 signal file does not have the expected shape. (field 'action', expected buy, sell or flat, actual 'hold')", e.Message);
    }
}

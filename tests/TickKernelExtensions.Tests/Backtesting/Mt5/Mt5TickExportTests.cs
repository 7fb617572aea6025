using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Backtesting.Mt5;

public sealed class Mt5TickExportTests
{
    private static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    private static readonly long Monday = TickTime.ToMicros(new DateTime(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc));

    private static TickColumns Ticks(params (long OffsetMicros, double Bid, double Ask)[] rows)
    {
        var ticks = new TickColumns();
        foreach (var (offset, bid, ask) in rows)
        {
            ticks.Add(Monday + offset, bid, ask, 1.5f, 2.25f);
        }
        return ticks;
    }

    private static async IAsyncEnumerable<TickColumns> Batches(params TickColumns[] batches)
    {
        foreach (var b in batches)
        {
            await Task.Yield();
            yield return b;
        }
    }

    [Fact]
    public async Task WriteAsync_TwoTicks_ExactTerminalLayoutWithHeaderTabsCrlfAndFlagsSix()
    {
        using var dir = new TempDirectory();
        var path = dir.File("EURUSD.ticks.csv");

        var summary = await Mt5TickExport.WriteAsync(Batches(Ticks((123_456, 1.085121, 1.08515), (1_000_999, 1.0852, 1.08523))), path,
            new Mt5TickExportOptions { Instrument = EurUsd }, TestContext.Current.CancellationToken);

        var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(
            "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n" +
            "2024.03.04\t10:00:00.123\t1.08512\t1.08515\t\t\t6\r\n" +
            "2024.03.04\t10:00:01.000\t1.08520\t1.08523\t\t\t6\r\n", text);
        Assert.Equal(2, summary.Rows);
        Assert.Equal(new DateTime(2024, 3, 4, 10, 0, 0, 123), summary.FirstServerTime);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))), summary.Sha256);
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task WriteAsync_NewYorkCloseInSummerAndWinter_ShiftsByThreeAndTwoHours()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.csv");
        var ticks = new TickColumns();
        ticks.Add(TickTime.ToMicros(new DateTime(2024, 1, 15, 21, 59, 0, DateTimeKind.Utc)), 1.1, 1.1001, float.NaN, float.NaN);
        ticks.Add(TickTime.ToMicros(new DateTime(2024, 7, 15, 21, 0, 0, DateTimeKind.Utc)), 1.1, 1.1001, float.NaN, float.NaN);

        await Mt5TickExport.WriteAsync(Batches(ticks), path, new Mt5TickExportOptions { Instrument = EurUsd, ServerTime = Mt5ServerTime.NewYorkClose },
            TestContext.Current.CancellationToken);

        var lines = await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken);
        Assert.StartsWith("2024.01.15\t23:59:00.000\t", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("2024.07.16\t00:00:00.000\t", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WhatWasWrittenInBatches_RoundTripsTimesToTheMillisecondAndPricesToTheDigits()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.csv");
        var first = Ticks((0, 1.08512, 1.08515), (1_000, 1.08513, 1.08515));
        var second = Ticks((1_000, 1.08514, 1.08516), (3_600_000_000, 1.0861, 1.08612));
        var options = new Mt5TickExportOptions { Instrument = EurUsd, ServerTime = Mt5ServerTime.Parse("+02:00") };

        await Mt5TickExport.WriteAsync(Batches(first, second), path, options, TestContext.Current.CancellationToken);
        var back = await Mt5TickFile.ReadAsync(path, options.ServerTime, TestContext.Current.CancellationToken);

        Assert.Equal(4, back.Count);
        Assert.Equal([Monday, Monday + 1_000, Monday + 1_000, Monday + 3_600_000_000], back.Timestamps.ToArray());
        Assert.Equal([1.08512, 1.08513, 1.08514, 1.0861], back.Bids.ToArray());
        Assert.Equal([1.08515, 1.08515, 1.08516, 1.08612], back.Asks.ToArray());
        Assert.True(float.IsNaN(back.BidVolumes[0]));
    }

    [Fact]
    public async Task ReadAsync_TerminalExportWithOneSideEmpty_CarriesTheOtherSideForward()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("export.csv",
        [
            Mt5TickExport.Header,
            "2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6",
            "2022.11.10\t15:00:00.100\t0.86683\t\t\t\t2",
        ], "\r\n");

        var back = await Mt5TickFile.ReadAsync(path, Mt5ServerTime.Utc, TestContext.Current.CancellationToken);

        Assert.Equal([0.86682, 0.86683], back.Bids.ToArray());
        Assert.Equal([0.86712, 0.86712], back.Asks.ToArray());
    }

    [Fact]
    public async Task WriteAsync_QuoteVolumeAskedFor_WritesTheSumAndTheVolumeFlag()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.csv");

        await Mt5TickExport.WriteAsync(Batches(Ticks((0, 1.08512, 1.08516))), path,
            new Mt5TickExportOptions { Instrument = EurUsd, WriteQuoteVolume = true, Digits = 4 }, TestContext.Current.CancellationToken);

        Assert.Equal("2024.03.04\t10:00:00.000\t1.0851\t1.0852\t\t3.75\t14", (await File.ReadAllLinesAsync(path, TestContext.Current.CancellationToken))[1]);
    }

    [Fact]
    public async Task WriteAsync_NaNBid_FailsNamingLineFieldAndValueAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        var path = dir.File("t.csv");

        var e = await Assert.ThrowsAsync<Mt5Exception>(() => Mt5TickExport.WriteAsync(
            Batches(Ticks((0, 1.08512, 1.08515), (1, double.NaN, 1.08515))), path, new Mt5TickExportOptions { Instrument = EurUsd },
            TestContext.Current.CancellationToken));

        Assert.Equal(Mt5ErrorKind.InvalidInput, e.Kind);
        Assert.Equal(3, e.Line);
        Assert.Equal("bid", e.Field);
        Assert.Contains("t.csv:3: ", e.Message, StringComparison.Ordinal);
        Assert.Contains("actual 'NaN'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public async Task WriteAsync_UnsortedAcrossBatches_FailsNamingBothTimes()
    {
        using var dir = new TempDirectory();

        var e = await Assert.ThrowsAsync<Mt5Exception>(() => Mt5TickExport.WriteAsync(
            Batches(Ticks((5_000, 1.1, 1.1001)), Ticks((4_000, 1.1, 1.1001))), dir.File("t.csv"), new Mt5TickExportOptions { Instrument = EurUsd },
            TestContext.Current.CancellationToken));

        Assert.Equal("time", e.Field);
        Assert.Equal(3, e.Line);
        Assert.Contains("2024-03-04T10:00:00.0050000Z", e.Expected, StringComparison.Ordinal);
        Assert.Contains("2024-03-04T10:00:00.0040000Z", e.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_ZoneWhoseClockGoesBackWhileTicksArrive_FailsSuggestingAFixedOffset()
    {
        using var dir = new TempDirectory();
        var ticks = new TickColumns();
        // Europe/Athens leaves summer time at 01:00 UTC on 2024-10-27: 03:59 local is followed by 03:00.
        ticks.Add(TickTime.ToMicros(new DateTime(2024, 10, 27, 0, 59, 0, DateTimeKind.Utc)), 60000, 60010, float.NaN, float.NaN);
        ticks.Add(TickTime.ToMicros(new DateTime(2024, 10, 27, 1, 0, 0, DateTimeKind.Utc)), 60000, 60010, float.NaN, float.NaN);

        var e = await Assert.ThrowsAsync<Mt5Exception>(() => Mt5TickExport.WriteAsync(Batches(ticks), dir.File("t.csv"),
            new Mt5TickExportOptions { Instrument = InstrumentCatalog.Default.Get("BTCUSD"), ServerTime = Mt5ServerTime.Parse("Europe/Athens") },
            TestContext.Current.CancellationToken));

        Assert.Contains("goes back", e.Message, StringComparison.Ordinal);
        Assert.Equal("2024.10.27 03:00:00.000", e.Actual);
    }

    [Fact]
    public async Task ReadAsync_BadHeader_NamesLineOneAndBothHeaders()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("bad.csv", ["Gmt time,Ask,Bid,AskVolume,BidVolume", "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13"]);

        var e = await Assert.ThrowsAsync<Mt5Exception>(() => Mt5TickFile.ReadAsync(path, Mt5ServerTime.Utc, TestContext.Current.CancellationToken));

        Assert.Equal(Mt5ErrorKind.MalformedFile, e.Kind);
        Assert.Equal(1, e.Line);
        Assert.Contains("Gmt time", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_BadDigits_NamesTheField() =>
        Assert.Contains("Digits must be in [0, 10], was 12",
            Assert.Throws<Mt5Exception>(() => new Mt5TickExportOptions { Instrument = EurUsd, Digits = 12 }.Validate()).Message, StringComparison.Ordinal);
}

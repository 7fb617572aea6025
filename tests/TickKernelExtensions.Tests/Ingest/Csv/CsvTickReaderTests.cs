using System.Text;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>Each format read from the verbatim example lines of the reference (market-data.md §3).</summary>
public sealed class CsvTickReaderTests
{
    private const string DukascopyHeader = "Gmt time,Ask,Bid,AskVolume,BidVolume";
    private const string Mt5Header = "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>";

    [Fact]
    public void ReadBatch_DukascopyExample_ReadsAskBeforeBidInUtcAndInfersSymbol()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31-2011.08.01.csv",
            [DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13"]);

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(1, ticks.Count);
        Assert.Equal(Utc(2011, 7, 31, 23, 0, 0, 652), ticks.Timestamps[0]);
        Assert.Equal(1.13699, ticks.Bids[0]);
        Assert.Equal(1.13729, ticks.Asks[0]);
        Assert.Equal(1.13f, ticks.BidVolumes[0]);
        Assert.Equal(2.25f, ticks.AskVolumes[0]);
        Assert.Equal("EURUSD", summary.Symbol);
        Assert.Equal(CsvTickFormat.Dukascopy, summary.Format);
        Assert.Equal("UTC", summary.Clock);
    }

    [Fact]
    public void ReadBatch_DukascopyGmtSuffix_ConvertsEachRowByItsOwnOffset()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2017.12.01.csv",
        [
            "Local time,Ask,Bid,AskVolume,BidVolume",
            "01.12.2017 00:00:00.192 GMT+0100,1.19035,1.19032,1.5,2.25",
            "01.12.2017 02:00:00.500 GMT+0200,1.19040,1.19037,1,1",
        ]);

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(Utc(2017, 11, 30, 23, 0, 0, 192), ticks.Timestamps[0]);
        Assert.Equal(Utc(2017, 12, 1, 0, 0, 0, 500), ticks.Timestamps[1]);
        Assert.Equal("per-row GMT suffix", summary.Clock);
    }

    [Theory]
    [InlineData("TIME (UTC),ASK,BID,ASKVOLUME,BIDVOLUME")]
    [InlineData("gmt time,ask,bid,askvolume,bidvolume")]
    [InlineData("Time (UTC),Ask,Bid,Ask Volume,Bid Volume")]
    public void ReadBatch_DukascopyHeaderVariant_AcceptedCaseInsensitively(string header)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [header, "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13"]);

        var (ticks, _, _) = ReadAll(path);

        Assert.Equal(Utc(2011, 7, 31, 23, 0, 0, 652), ticks.Timestamps[0]);
    }

    [Fact]
    public void ReadBatch_DukascopyLocalTimeWithOffsetOption_ConvertsToUtc()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv",
            ["Local time,Ask,Bid", "01.08.2011 02:00:00.652,1.13729,1.13699"]);

        var (ticks, summary, _) = ReadAll(path, new CsvImportOptions { UtcOffset = TimeSpan.FromHours(3) });

        Assert.Equal(Utc(2011, 7, 31, 23, 0, 0, 652), ticks.Timestamps[0]);
        Assert.True(float.IsNaN(ticks.BidVolumes[0]));
        Assert.Equal("UTC+03:00", summary.Clock);
    }

    [Fact]
    public void ReadBatch_DukascopyCrLf_ReadsLikeLf()
    {
        using var dir = new TempDirectory();
        var lines = new[] { DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13", "31.07.2011 23:00:01.000,1.13730,1.13700,1,1" };
        var lf = ReadAll(dir.Write("EURUSD_Ticks_lf.csv", lines)).Ticks;
        var crlf = ReadAll(dir.Write("EURUSD_Ticks_crlf.csv", lines, "\r\n")).Ticks;

        AssertSameColumns(lf, crlf);
        Assert.Equal(2, crlf.Count);
    }

    [Fact]
    public void ReadBatch_DukascopyNodeTicks_ReadsEpochMillisAskFirst()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("btcusd-tick-2023-02-20T12-2023-02-20T13.csv",
            ["timestamp,askPrice,bidPrice", "1676894400084,24921.5,24849.4"]);

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(1_676_894_400_084_000, ticks.Timestamps[0]);
        Assert.Equal(24849.4, ticks.Bids[0]);
        Assert.Equal(24921.5, ticks.Asks[0]);
        Assert.True(float.IsNaN(ticks.AskVolumes[0]));
        Assert.Equal("BTCUSD", summary.Symbol);
    }

    [Fact]
    public void ReadBatch_DukascopyNodeWithVolumes_KeepsVolumesAsWritten()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("btcusd-tick-2023-02-20-2023-02-21.csv",
            ["timestamp,askPrice,bidPrice,askVolume,bidVolume", "1676894400084,24921.5,24849.4,1.48,0.000013", "1676894400185,24921.6,24849.4,1e-6,13"]);

        var (ticks, _, _) = ReadAll(path);

        Assert.Equal(1.48f, ticks.AskVolumes[0]);
        Assert.Equal(0.000013f, ticks.BidVolumes[0]);
        Assert.Equal(1e-6f, ticks.AskVolumes[1]);
        Assert.Equal(13f, ticks.BidVolumes[1]);
    }

    [Fact]
    public void ReadBatch_Mt5WithFixedOffset_ConvertsServerTimeAndCarriesSidesForward()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURGBP_export.csv",
        [
            Mt5Header,
            "2022.11.10\t15:00:00.000\t0.86680\t\t\t\t2",
            "2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6",
            "2022.11.10\t15:00:00.100\t\t0.86715\t\t\t4",
            "2022.11.10\t15:00:00.200\t0.86683\t\t\t\t2",
            "2022.11.10\t15:00:00.300\t\t\t0.86700\t1\t24",
        ], "\r\n");

        var (ticks, summary, _) = ReadAll(path, new CsvImportOptions { Symbol = "EURGBP", UtcOffset = TimeSpan.FromHours(2) });

        Assert.Equal(3, ticks.Count);
        Assert.Equal(Utc(2022, 11, 10, 13, 0, 0, 17), ticks.Timestamps[0]);
        Assert.Equal([0.86682, 0.86682, 0.86683], ticks.Bids.ToArray());
        Assert.Equal([0.86712, 0.86715, 0.86715], ticks.Asks.ToArray());
        Assert.True(float.IsNaN(ticks.BidVolumes[0]) && float.IsNaN(ticks.AskVolumes[0]));
        Assert.Equal(5, summary.Rows);
        Assert.Equal(1, summary.Skipped[CsvSkipReason.QuoteSideUnknown]);
        Assert.Equal(1, summary.Skipped[CsvSkipReason.NoQuoteChange]);
        Assert.Equal(summary.Rows, summary.Ticks + summary.SkippedTotal);
    }

    [Fact]
    public void ReadBatch_Mt5WithDstZoneAcrossSpringForward_UsesEachSidesOffset()
    {
        // Europe/Helsinki, 2022-03-27: 03:00 EET (UTC+2) jumps to 04:00 EEST (UTC+3).
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_ticks.csv",
        [
            Mt5Header,
            "2022.03.27\t02:59:59.900\t1.09001\t1.09011\t\t\t6",
            "2022.03.27\t04:00:00.100\t1.09002\t\t\t\t2",
        ]);

        var (ticks, summary, _) = ReadAll(path, new CsvImportOptions { Symbol = "EURUSD", TimeZone = "Europe/Helsinki" });

        Assert.Equal(Utc(2022, 3, 27, 0, 59, 59, 900), ticks.Timestamps[0]);
        Assert.Equal(Utc(2022, 3, 27, 1, 0, 0, 100), ticks.Timestamps[1]);
        Assert.Equal("Europe/Helsinki", summary.Clock);
    }

    [Fact]
    public void ReadBatch_Mt5WithDstZoneAcrossFallBack_ReadsRepeatedHourInOrder()
    {
        // Europe/Helsinki, 2022-10-30: 04:00 EEST (UTC+3) falls back to 03:00 EET (UTC+2); 03:xx happens twice.
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_ticks.csv",
        [
            Mt5Header,
            "2022.10.30\t02:30:00.000\t0.99601\t0.99611\t\t\t6",
            "2022.10.30\t03:30:00.000\t0.99602\t\t\t\t2",
            "2022.10.30\t03:59:59.999\t0.99603\t\t\t\t2",
            "2022.10.30\t03:10:00.000\t0.99604\t\t\t\t2",
            "2022.10.30\t04:05:00.000\t0.99605\t\t\t\t2",
        ]);

        var (ticks, _, _) = ReadAll(path, new CsvImportOptions { Symbol = "EURUSD", TimeZone = "Europe/Helsinki" });

        Assert.Equal(
            [Utc(2022, 10, 29, 23, 30, 0, 0), Utc(2022, 10, 30, 0, 30, 0, 0), Utc(2022, 10, 30, 0, 59, 59, 999), Utc(2022, 10, 30, 1, 10, 0, 0), Utc(2022, 10, 30, 2, 5, 0, 0)],
            ticks.Timestamps.ToArray());
    }

    [Fact]
    public void ReadBatch_HistDataExample_ReadsFixedEstAndStoresNoVolume()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("DAT_ASCII_EURUSD_T_201202.csv",
        [
            "20120201 000003660,1.306600,1.306770,0",
            "20120201 000004160,1.306610,1.306770,2147483647",
            "20120701 120000000,1.306620,1.306780,0",
        ]);

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(Utc(2012, 2, 1, 5, 0, 3, 660), ticks.Timestamps[0]);
        Assert.Equal(Utc(2012, 2, 1, 5, 0, 4, 160), ticks.Timestamps[1]);
        // July: still UTC-5, HistData never observes daylight saving.
        Assert.Equal(Utc(2012, 7, 1, 17, 0, 0, 0), ticks.Timestamps[2]);
        Assert.Equal(1.3066, ticks.Bids[0]);
        Assert.Equal(1.30677, ticks.Asks[0]);
        Assert.All(ticks.BidVolumes.ToArray().Concat(ticks.AskVolumes.ToArray()), v => Assert.True(float.IsNaN(v)));
        Assert.Equal("EURUSD", summary.Symbol);
        Assert.Equal("UTC-05:00", summary.Clock);
    }

    [Fact]
    public void ReadBatch_LeanZip_TakesDateFromNameAndSymbolFromEntry()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("20140501_quote.zip"), ("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n92500,10.39,10.41\n"));

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(Utc(2014, 5, 1, 0, 1, 32, 0), ticks.Timestamps[0]);
        Assert.Equal(10.38, ticks.Bids[0]);
        Assert.Equal(10.40, ticks.Asks[0]);
        Assert.True(float.IsNaN(ticks.BidVolumes[0]));
        Assert.Equal("USDMXN", summary.Symbol);
        Assert.Equal(CsvTickFormat.Lean, summary.Format);
        Assert.Equal(path + "!20140501_usdmxn_tick_quote.csv", summary.Source);
    }

    [Fact]
    public void ReadBatch_LeanZipWithFxcmOffset_ShiftsByFiveHours()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("20140501_quote.zip"), ("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n"));

        var (ticks, _, _) = ReadAll(path, new CsvImportOptions { UtcOffset = TimeSpan.FromHours(-5) });

        Assert.Equal(Utc(2014, 5, 1, 5, 1, 32, 0), ticks.Timestamps[0]);
    }

    [Fact]
    public void ReadBatch_ZipWithSeveralEntries_SymbolChoosesTheEntry()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("20140501_quote.zip"),
            ("20140501_eurusd_tick_quote.csv", "92000,1.38380,1.38400\n"),
            ("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n"));

        var (ticks, summary, _) = ReadAll(path, new CsvImportOptions { Symbol = "USD/MXN" });

        Assert.Equal(10.38, ticks.Bids[0]);
        Assert.EndsWith("!20140501_usdmxn_tick_quote.csv", summary.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_SmallBatchesAndBuffer_GiveTheSameTicksAsOneBatch()
    {
        using var dir = new TempDirectory();
        var written = RandomWalk(Eurusd, 3_000, new DateTime(2020, 1, 6, 8, 0, 0, DateTimeKind.Utc));
        var path = dir.File("EURUSD_Ticks_2020.01.06.csv");
        CsvTickFileWriter.Write(path, written, new CsvTickWriteOptions { Format = CsvTickFormat.Dukascopy, Instrument = Eurusd });

        var whole = ReadAll(path, new CsvImportOptions { BatchSize = 1_000_000 });
        var pieces = ReadAll(path, new CsvImportOptions { BatchSize = 7, BufferSize = 64 });

        AssertSameColumns(whole.Ticks, pieces.Ticks);
        Assert.Equal(1, whole.Batches);
        Assert.Equal((3_000 + 6) / 7, pieces.Batches);
    }

    [Fact]
    public void ReadBatch_ByteOrderMark_IsSkipped()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("EURUSD_Ticks_bom.csv", DukascopyHeader + "\n31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13\n", new UTF8Encoding(true));

        Assert.Equal(1, ReadAll(path).Ticks.Count);
    }

    [Fact]
    public void ReadBatch_Utf16Mt5Export_IsReencodedAndRead()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("EURGBP_export.csv", Mt5Header + "\r\n2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6\r\n", new UnicodeEncoding(false, true));

        var (ticks, _, _) = ReadAll(path, new CsvImportOptions { Symbol = "EURGBP", UtcOffset = TimeSpan.FromHours(2) });

        Assert.Equal(Utc(2022, 11, 10, 13, 0, 0, 17), ticks.Timestamps[0]);
        Assert.Equal(0.86682, ticks.Bids[0]);
    }

    [Fact]
    public void Summary_AfterReadingToTheEnd_CountsEveryLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv",
            [DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13", "", "31.07.2011 23:00:01.000,1.13730,1.13700,1,1", ""]);

        using var reader = CsvTickReader.Open(path);
        var batch = new TickColumns();
        Assert.False(reader.Summary.Completed);
        while (reader.ReadBatch(batch))
        {
        }
        var summary = reader.Summary;

        Assert.True(summary.Completed);
        Assert.Equal(5, summary.Lines);
        Assert.Equal(4, summary.Rows);
        Assert.Equal(2, summary.Ticks);
        Assert.Equal(2, summary.Skipped[CsvSkipReason.BlankLine]);
        Assert.Equal(Utc(2011, 7, 31, 23, 0, 0, 652), summary.FirstTimestamp);
        Assert.Equal(Utc(2011, 7, 31, 23, 0, 1, 0), summary.LastTimestamp);
        Assert.Equal(path, summary.Source);
        Assert.False(reader.ReadBatch(batch));
    }

    [Fact]
    public void ReadBatch_CrossedAndDuplicateUnderKeepPolicy_KeptAndCounted()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv",
        [
            DukascopyHeader,
            "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13",
            "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13",
            "31.07.2011 23:00:00.700,1.13690,1.13699,1,1",
        ]);

        var (ticks, summary, _) = ReadAll(path, new CsvImportOptions { Validation = TickValidationOptions.AsReceived });

        Assert.Equal(3, ticks.Count);
        Assert.Equal(1, summary.DuplicatesKept);
        Assert.Equal(1, summary.CrossedKept);
    }

    [Fact]
    public void Open_SymbolOption_OverridesTheFileName()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("DAT_ASCII_EURUSD_T_201202.csv", ["20120201 000003660,1.306600,1.306770,0"]);

        using var reader = CsvTickReader.Open(path, new CsvImportOptions { Symbol = "GBPUSD" });

        Assert.Equal("GBPUSD", reader.Instrument.Symbol);
    }

    [Fact]
    public void Open_Stream_ReadsWithTheGivenName()
    {
        var bytes = Encoding.UTF8.GetBytes("20120201 000003660,1.306600,1.306770,0\n");

        using var reader = CsvTickReader.Open(new MemoryStream(bytes), "raw/DAT_ASCII_EURUSD_T_201202.csv");
        var batch = new TickColumns();

        Assert.True(reader.ReadBatch(batch));
        Assert.Equal(CsvTickFormat.HistData, reader.Format);
        Assert.Equal("EURUSD", reader.Instrument.Symbol);
        Assert.Equal("raw/DAT_ASCII_EURUSD_T_201202.csv", reader.Path);
    }
}

using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>Bad inputs: each gives one precise error naming file, line, field, expected and actual.</summary>
public sealed class CsvTickReaderErrorTests
{
    private const string DukascopyHeader = "Gmt time,Ask,Bid,AskVolume,BidVolume";
    private const string GoodRow = "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13";
    private const string Mt5Header = "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>";

    [Fact]
    public void ReadBatch_NonNumericField_NamesFileLineFieldExpectedAndActual()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow, "31.07.2011 23:00:01.000,1.13729,1.13x99,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("Bid", e.Field);
        Assert.Equal("a number like 1.13729", e.Expected);
        Assert.Equal("1.13x99", e.Actual);
        Assert.Contains($"{path}:3:", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("inf")]
    [InlineData("Infinity")]
    [InlineData("-∞")]
    [InlineData("1e999")]
    [InlineData("")]
    [InlineData("1.2.3")]
    [InlineData("0x1F")]
    [InlineData(" 1.13")]
    public void ReadBatch_PriceNotAFiniteNumber_IsMalformed(string price)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, $"31.07.2011 23:00:00.652,{price},1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("Ask", e.Field);
        Assert.Equal(price, e.Actual);
    }

    [Fact]
    public void Open_SemicolonFileClaimingDukascopy_NamesTheDelimiterFound()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv",
            ["Gmt time;Ask;Bid;AskVolume;BidVolume", "31.07.2011 23:00:00.652;1,13729;1,13699;2,25;1,13"]);

        var explicitFormat = ReadError(path, new CsvImportOptions { Format = CsvTickFormat.Dukascopy });
        var auto = ReadError(path);

        foreach (var e in new[] { explicitFormat, auto })
        {
            Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
            Assert.Equal(1, e.Line);
            Assert.Equal("delimiter", e.Field);
            Assert.Equal("','", e.Expected);
            Assert.Equal(";", e.Actual);
            Assert.Contains("Dukascopy", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadBatch_RowWithOtherDelimiter_SaysWhichSeparatorTheRowUses()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("eurusd-tick-2023-02-20.csv", ["timestamp,askPrice,bidPrice", "1676894400084;1.07001;1.07000"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("timestamp", e.Field);
        Assert.Contains("separated by ';'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownFormat_ListsTheRecognisedFormats()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ticks.csv", ["Date,Open,High,Low,Close", "2020-01-01,1,2,0.5,1.5"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal(1, e.Line);
        Assert.Equal("Date,Open,High,Low,Close", e.Actual);
        foreach (var format in Enum.GetValues<CsvTickFormat>().Where(f => f != CsvTickFormat.Auto))
        {
            Assert.Contains(format.ToString(), e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadBatch_AskBelowBid_IsInvalidTickAtItsLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow, "31.07.2011 23:00:01.000,1.13600,1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal(3, e.Line);
        Assert.Equal("ask", e.Field);
        Assert.Equal("1.136", e.Actual);
    }

    [Fact]
    public void ReadBatch_NegativePrice_IsInvalidTick()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,-1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("bid", e.Field);
        Assert.Equal("a price > 0", e.Expected);
        Assert.Equal("-1.13699", e.Actual);
    }

    [Fact]
    public void ReadBatch_NegativeVolume_IsInvalidTick()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,1.13699,-2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal("ask_volume", e.Field);
    }

    [Fact]
    public void ReadBatch_OutOfOrderTimestamp_IsInvalidTick()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow, "31.07.2011 22:59:59.000,1.13729,1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(3, e.Line);
        Assert.Equal("timestamp", e.Field);
        Assert.Equal("2011-07-31T22:59:59.000000Z", e.Actual);
    }

    [Fact]
    public void ReadBatch_DuplicateTickUnderStrict_IsInvalidTick()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow, GoodRow]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(3, e.Line);
        Assert.Contains("repeats", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownSymbol_IsUnknownInstrumentWithTheFile()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ticks.csv", [DukascopyHeader, GoodRow]);

        var e = ReadError(path, new CsvImportOptions { Symbol = "EURUSX" });

        Assert.Equal(MarketDataErrorKind.UnknownInstrument, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal("EURUSX", e.Actual);
        Assert.Contains("EURUSD", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnknownSymbolInferredFromFileName_SaysWhereItCameFrom()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("DAT_ASCII_EURXXX_T_201202.csv", ["20120201 000003660,1.306600,1.306770,0"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownInstrument, e.Kind);
        Assert.Contains("DAT_ASCII_EURXXX_T_201202.csv", e.Message, StringComparison.Ordinal);
        Assert.Contains("CsvImportOptions.Symbol", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NoSymbolAnywhere_AsksForIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("export.csv", [DukascopyHeader, GoodRow]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Equal("Symbol", e.Field);
        Assert.Contains("CsvImportOptions.Symbol", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("USDJPY", "1.13729", "1.13699")]   // USDJPY with EURUSD-scale prices
    [InlineData("EURUSD", "11.3729", "11.3699")]   // EURUSD multiplied by 10
    public void ReadBatch_WrongScalePrice_IsInvalidTickNamingTheRange(string symbol, string ask, string bid)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("ticks.csv", [DukascopyHeader, $"31.07.2011 23:00:00.652,{ask},{bid},2.25,1.13"]);

        var e = ReadError(path, new CsvImportOptions { Symbol = symbol });

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("bid", e.Field);
        Assert.Contains(symbol, e.Expected, StringComparison.Ordinal);
        Assert.Contains("decimal factor", e.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_Mt5WithoutClock_IsInvalidOptionsNamingBothOptions()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURGBP.csv", [Mt5Header, "2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6"], "\r\n");

        var e = ReadError(path, new CsvImportOptions { Symbol = "EURGBP" });

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Contains("UtcOffset", e.Message, StringComparison.Ordinal);
        Assert.Contains("TimeZone", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_Mt5LocalTimeInDstGap_IsMalformed()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD.csv", [Mt5Header, "2022.03.27\t03:30:00.000\t1.09001\t1.09011\t\t\t6"]);

        var e = ReadError(path, new CsvImportOptions { Symbol = "EURUSD", TimeZone = "Europe/Helsinki" });

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("<TIME>", e.Field);
        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("31.02.2011 23:00:00.652")]
    [InlineData("2011-07-31 23:00:00.652")]
    [InlineData("31.07.2011 24:00:00.000")]
    [InlineData("31.07.2011 23:00:00")]
    [InlineData("31.07.2011 23:00:00.652 GMT+01")]
    public void ReadBatch_BadDukascopyTime_NamesTheExpectedPattern(string time)
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, $"{time},1.13729,1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal("Gmt time", e.Field);
        Assert.StartsWith("dd.MM.yyyy HH:mm:ss.fff", e.Expected, StringComparison.Ordinal);
        Assert.Equal(time, e.Actual);
    }

    [Fact]
    public void ReadBatch_TooFewFields_SaysWhichIsMissing()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, "31.07.2011 23:00:00.652,1.13729,1.13699,2.25"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal("BidVolume", e.Field);
        Assert.Equal("end of line", e.Actual);
        Assert.Contains("too few fields", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_TooManyFields_ShowsTheExtraText()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow + ",7"]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(",7", e.Actual);
        Assert.Equal("end of line", e.Expected);
    }

    [Fact]
    public void ReadBatch_LongGarbage_TruncatesActual()
    {
        using var dir = new TempDirectory();
        var garbage = new string('x', 5000);
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, $"31.07.2011 23:00:00.652,{garbage},1.13699,2.25,1.13"]);

        var e = ReadError(path);

        Assert.Equal(CsvErrors.MaxActualLength + 1, e.Actual!.Length);
        Assert.EndsWith("…", e.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_EmptyFile_IsMalformed()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("EURUSD_Ticks_2011.07.31.csv", "");

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(path, e.File);
        Assert.Equal(1, e.Line);
        Assert.Contains("empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_HeaderOnly_IsMalformedAtTheLineAfterIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader]);

        using var reader = CsvTickReader.Open(path);
        var e = Assert.Throws<MarketDataException>(() => reader.ReadBatch(new TickColumns()));

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Equal("at least one tick row", e.Expected);
        Assert.Contains("no ticks", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_Mt5RowsNeverQuotingBothSides_IsNoTicksError()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURGBP.csv", [Mt5Header, "2022.11.10\t15:00:00.017\t0.86682\t\t\t\t2"]);

        var e = ReadError(path, new CsvImportOptions { Symbol = "EURGBP", UtcOffset = TimeSpan.Zero });

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Contains("skipped", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_ErrorOnLastLineWithoutNewline_RaisedWhenReadingToTheEnd()
    {
        using var dir = new TempDirectory();
        var lines = new List<string> { "timestamp,askPrice,bidPrice" };
        for (var i = 0; i < 100; i++)
        {
            lines.Add($"{1_676_894_400_000 + i},1.07010,1.07000");
        }
        lines.Add("1676894400100,1.07010,bad");
        var path = dir.Write("eurusd-tick-2023-02-20.csv", lines, finalNewline: false);

        using var reader = CsvTickReader.Open(path, new CsvImportOptions { BatchSize = 40 });
        var batch = new TickColumns();
        var delivered = 0;
        var e = Assert.Throws<MarketDataException>(() =>
        {
            while (reader.ReadBatch(batch))
            {
                delivered += batch.Count;
            }
        });

        Assert.Equal(80, delivered);
        Assert.Equal(0, batch.Count);
        Assert.Equal(102, e.Line);
        Assert.Equal("bidPrice", e.Field);
        Assert.Equal("bad", e.Actual);
        Assert.False(reader.Summary.Completed);
        Assert.Same(e, Assert.Throws<MarketDataException>(() => reader.ReadBatch(batch)));
    }

    [Fact]
    public void Open_DukascopyNodeWithClockOption_RefusesTheContradiction()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("eurusd-tick-2023-02-20.csv", ["timestamp,askPrice,bidPrice", "1676894400084,1.07010,1.07000"]);

        var e = ReadError(path, new CsvImportOptions { UtcOffset = TimeSpan.FromHours(2) });

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("UTC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HistDataWithAnotherClock_RefusesIt()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("DAT_ASCII_EURUSD_T_201202.csv", ["20120201 000003660,1.306600,1.306770,0"]);

        var e = ReadError(path, new CsvImportOptions { TimeZone = "America/New_York" });

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("EST", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DukascopyLocalTimeWithoutSuffixOrClock_AsksForTheClock()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", ["Local time,Ask,Bid,AskVolume,BidVolume", GoodRow]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("Local time", e.Message, StringComparison.Ordinal);
        Assert.Contains("UtcOffset", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_LeanRowsWithoutDateInName_SaysTheNamingNeeded()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("eurusd_quotes.csv", ["92000,1.38380,1.38400"]);

        var e = ReadError(path, new CsvImportOptions { Symbol = "EURUSD" });

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal("file name", e.Field);
        Assert.Equal("eurusd_quotes.csv", e.Actual);
    }

    [Fact]
    public void Open_ZipWithoutCsv_ListsItsEntries()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("20140501_quote.zip"), ("readme.txt", "hello"));

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal("readme.txt", e.Actual);
    }

    [Fact]
    public void Open_ZipWithSeveralCsvAndNoSymbol_AsksForTheSymbol()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("20140501_quote.zip"),
            ("20140501_eurusd_tick_quote.csv", "92000,1.38380,1.38400\n"), ("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n"));

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Equal("Symbol", e.Field);
        Assert.Contains("20140501_usdmxn_tick_quote.csv", e.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadBatch_LineLongerThanBuffer_IsMalformed()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("EURUSD_Ticks_2011.07.31.csv", [DukascopyHeader, GoodRow + new string(' ', 300)]);

        var e = ReadError(path, new CsvImportOptions { BufferSize = 128 });

        Assert.Equal(MarketDataErrorKind.MalformedRow, e.Kind);
        Assert.Equal(2, e.Line);
        Assert.Contains("longer than the read buffer", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BinaryFile_IsUnknownFormat()
    {
        using var dir = new TempDirectory();
        var path = dir.File("EURUSD_Ticks_2011.07.31.csv");
        File.WriteAllBytes(path, [0x5D, 0x00, 0x00, 0x40, 0x00, 0x10, 0x20, 0x0A]);

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Contains("NUL", e.Message, StringComparison.Ordinal);
    }
}

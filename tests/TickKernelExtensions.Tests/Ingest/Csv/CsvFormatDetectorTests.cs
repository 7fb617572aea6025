using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>Auto-detection picks every format from its first line (or zip magic); an explicit format wins.</summary>
public sealed class CsvFormatDetectorTests
{
    [Theory]
    [InlineData("EURUSD_Ticks_2011.07.31.csv", "Gmt time,Ask,Bid,AskVolume,BidVolume\n31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13\n", CsvTickFormat.Dukascopy)]
    [InlineData("btcusd-tick-2023-02-20.csv", "timestamp,askPrice,bidPrice\n1676894400084,24921.5,24849.4\n", CsvTickFormat.DukascopyNode)]
    [InlineData("EURGBP_export.csv", "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>\r\n2022.11.10\t15:00:00.017\t0.86682\t0.86712\t\t\t6\r\n", CsvTickFormat.Mt5)]
    [InlineData("DAT_ASCII_EURUSD_T_201202.csv", "20120201 000003660,1.306600,1.306770,0\n", CsvTickFormat.HistData)]
    [InlineData("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n", CsvTickFormat.Lean)]
    public void Open_Auto_RecognisesEachFormat(string name, string text, CsvTickFormat expected)
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText(name, text);

        using var reader = CsvTickReader.Open(path, new CsvImportOptions { Symbol = expected == CsvTickFormat.Mt5 ? "EURGBP" : null, UtcOffset = expected == CsvTickFormat.Mt5 ? TimeSpan.Zero : null });

        Assert.Equal(expected, reader.Format);
        Assert.True(reader.ReadBatch(new TickColumns()));
    }

    [Fact]
    public void Open_AutoOnZipMagic_ReadsTheLeanEntry()
    {
        using var dir = new TempDirectory();
        // The archive's own name says nothing: the zip magic and the entry name decide.
        var path = WriteZip(dir.File("download.bin"), ("20140501_usdmxn_tick_quote.csv", "92000,10.38,10.40\n"));

        using var reader = CsvTickReader.Open(path);

        Assert.Equal(CsvTickFormat.Lean, reader.Format);
        Assert.Equal("USDMXN", reader.Instrument.Symbol);
    }

    [Fact]
    public void Open_AutoOnZippedHistData_ReadsTheCsvEntry()
    {
        using var dir = new TempDirectory();
        var path = WriteZip(dir.File("HISTDATA_COM_ASCII_EURUSD_T201202.zip"), ("DAT_ASCII_EURUSD_T_201202.csv", "20120201 000003660,1.306600,1.306770,0\n"));

        using var reader = CsvTickReader.Open(path);

        Assert.Equal(CsvTickFormat.HistData, reader.Format);
        Assert.Equal(path + "!DAT_ASCII_EURUSD_T_201202.csv", reader.Source);
    }

    [Fact]
    public void Open_ExplicitFormatMatchingTheFile_ReadsIt()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("DAT_ASCII_EURUSD_T_201202.csv", "20120201 000003660,1.306600,1.306770,0\n");

        using var reader = CsvTickReader.Open(path, new CsvImportOptions { Format = CsvTickFormat.HistData });

        Assert.Equal(CsvTickFormat.HistData, reader.Format);
    }

    [Fact]
    public void Open_ExplicitFormatOtherThanDetected_WinsAndSaysWhatItExpected()
    {
        using var dir = new TempDirectory();
        // Auto would read this as Dukascopy; the caller insists on dukascopy-node.
        var path = dir.WriteText("EURUSD_Ticks_2011.07.31.csv", "Gmt time,Ask,Bid,AskVolume,BidVolume\n31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13\n");

        var e = ReadError(path, new CsvImportOptions { Format = CsvTickFormat.DukascopyNode, Symbol = "EURUSD" });

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal("header", e.Field);
        Assert.Contains("timestamp,askPrice,bidPrice", e.Expected, StringComparison.Ordinal);
        Assert.Equal("Gmt time,Ask,Bid,AskVolume,BidVolume", e.Actual);
    }

    [Fact]
    public void Open_ExplicitLeanOnHeaderlessRowsNamedByLean_ReadsWithoutDetection()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("20140501_eurusd_tick_quote.csv", "92000,1.38380,1.38400\n");

        using var reader = CsvTickReader.Open(path, new CsvImportOptions { Format = CsvTickFormat.Lean });
        var batch = new TickColumns();

        Assert.True(reader.ReadBatch(batch));
        Assert.Equal(Utc(2014, 5, 1, 0, 1, 32, 0), batch.Timestamps[0]);
    }

    [Fact]
    public void Open_HistDataM1BarsSeparatedBySemicolons_IsUnknownFormat()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("DAT_ASCII_EURUSD_M1_201202.csv", "20120201 000000;1.306600;1.306600;1.306560;1.306560;0\n");

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal("20120201 000000;1.306600;1.306600;1.306560;1.306560;0", e.Actual);
    }

    [Fact]
    public void Open_TabSeparatedDukascopyHeader_NamesTheTab()
    {
        using var dir = new TempDirectory();
        var path = dir.WriteText("EURUSD_Ticks_2011.07.31.csv", "Gmt time\tAsk\tBid\tAskVolume\tBidVolume\n31.07.2011 23:00:00.652\t1.13729\t1.13699\t2.25\t1.13\n");

        var e = ReadError(path);

        Assert.Equal(MarketDataErrorKind.UnknownFormat, e.Kind);
        Assert.Equal("\t", e.Actual);
        Assert.Contains("separated by tab", e.Message, StringComparison.Ordinal);
    }
}

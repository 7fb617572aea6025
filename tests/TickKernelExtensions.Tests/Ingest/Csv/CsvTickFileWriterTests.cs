using System.IO.Compression;
using System.Text;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

public sealed class CsvTickFileWriterTests
{
    private static TickColumns ThreeTicks()
    {
        var ticks = new TickColumns();
        var t = Utc(2011, 7, 31, 23, 0, 0, 652);
        ticks.Add(t, 1.13699, 1.13729, 1.13f, 2.25f);
        ticks.Add(t + 1_000_000, 1.13699, 1.13731, 1f, 1f);
        ticks.Add(t + 2_000_000, 1.137, 1.13731, 1f, 1f);
        return ticks;
    }

    private static string[] Lines(CsvTickWriteOptions options)
    {
        using var stream = new MemoryStream();
        CsvTickFileWriter.Write(stream, ThreeTicks(), options);
        return Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void Write_Dukascopy_PrintsTheExportLayout() =>
        Assert.Equal(
            ["Gmt time,Ask,Bid,AskVolume,BidVolume", "31.07.2011 23:00:00.652,1.13729,1.13699,2.25,1.13", "31.07.2011 23:00:01.652,1.13731,1.13699,1,1", "31.07.2011 23:00:02.652,1.13731,1.137,1,1"],
            Lines(new CsvTickWriteOptions { Format = CsvTickFormat.Dukascopy, Instrument = Eurusd }));

    [Fact]
    public void Write_DukascopyWithSuffix_PrintsLocalTimeAndOffset() =>
        Assert.Equal("01.08.2011 01:00:00.652 GMT+0200,1.13729,1.13699,2.25,1.13",
            Lines(new CsvTickWriteOptions { Format = CsvTickFormat.Dukascopy, Instrument = Eurusd, TimeZone = "Europe/Zurich", GmtSuffix = true })[1]);

    [Fact]
    public void Write_Mt5OneSided_LeavesTheUnchangedSideEmpty() =>
        Assert.Equal(
            ["2011.08.01\t02:00:00.652\t1.13699\t1.13729\t\t\t6", "2011.08.01\t02:00:01.652\t\t1.13731\t\t\t4", "2011.08.01\t02:00:02.652\t1.13700\t\t\t\t2"],
            Lines(new CsvTickWriteOptions { Format = CsvTickFormat.Mt5, Instrument = Eurusd, UtcOffset = TimeSpan.FromHours(3) })[1..]);

    [Fact]
    public void Write_HistData_PrintsEstWithSixDecimalsAndZeroVolume() =>
        Assert.Equal("20110731 180000652,1.136990,1.137290,0",
            Lines(new CsvTickWriteOptions { Format = CsvTickFormat.HistData, Instrument = Eurusd })[0]);

    [Fact]
    public void Write_Lean_WritesOneDayZipNamedLikeLean()
    {
        using var stream = new MemoryStream();
        var ticks = new TickColumns();
        ticks.Add(Utc(2014, 5, 1, 0, 1, 32, 0), 10.38, 10.40, float.NaN, float.NaN);

        CsvTickFileWriter.Write(stream, ticks, new CsvTickWriteOptions { Format = CsvTickFormat.Lean, Instrument = InstrumentCatalog.Default.Get("USDMXN") });

        stream.Position = 0;
        using var zip = new ZipArchive(stream);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("20140501_usdmxn_tick_quote.csv", entry.Name);
        using var reader = new StreamReader(entry.Open());
        Assert.Equal("92000,10.38,10.4\n", reader.ReadToEnd());
    }

    [Fact]
    public void Write_SubMillisecondTimestamp_Throws()
    {
        var ticks = new TickColumns();
        ticks.Add(Utc(2011, 7, 31, 23, 0, 0, 652) + 1, 1.13699, 1.13729, 1f, 1f);

        Assert.Throws<ArgumentException>(() => CsvTickFileWriter.Write(new MemoryStream(), ticks,
            new CsvTickWriteOptions { Format = CsvTickFormat.DukascopyNode, Instrument = Eurusd }));
    }

    [Fact]
    public void Validate_ContradictoryOptions_ReportsEveryProblem()
    {
        var options = new CsvTickWriteOptions { Format = CsvTickFormat.HistData, Instrument = Eurusd, UtcOffset = TimeSpan.FromHours(1), TimeZone = "Europe/Zurich", GmtSuffix = true };

        var e = Assert.Throws<MarketDataException>(options.Validate);

        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("both set", e.Message, StringComparison.Ordinal);
        Assert.Contains("fixed clock", e.Message, StringComparison.Ordinal);
        Assert.Contains("GmtSuffix", e.Message, StringComparison.Ordinal);
    }
}

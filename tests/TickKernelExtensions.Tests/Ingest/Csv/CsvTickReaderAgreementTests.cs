using TickKernelExtensions.Ingest.Csv;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>
/// The fast reader against the plain reference path (<see cref="CsvReferenceReader"/>) on generated files
/// of every format: the columns must be identical bit for bit, and equal to the ticks that were written.
/// Small batches and a small read buffer make batches and lines straddle buffer refills.
/// </summary>
public sealed class CsvTickReaderAgreementTests
{
    private const int Count = 20_000;
    private static readonly DateTime BeforeSpringForward2022 = new(2022, 3, 27, 0, 40, 0, DateTimeKind.Utc);

    private sealed record Case(string FileName, DateTime Start, CsvTickWriteOptions Write, CsvImportOptions Read, bool KeepsVolumes);

    [Theory]
    [InlineData("dukascopy-gmt")]
    [InlineData("dukascopy-suffix-dst")]
    [InlineData("dukascopy-local-crlf-no-volumes")]
    [InlineData("dukascopy-node")]
    [InlineData("dukascopy-node-no-volumes")]
    [InlineData("mt5-offset")]
    [InlineData("mt5-dst-zone-crlf")]
    [InlineData("histdata")]
    [InlineData("lean-oanda")]
    [InlineData("lean-fxcm")]
    public void ReadBatch_GeneratedFile_MatchesReferenceReaderAndWrittenTicks(string name)
    {
        var c = Cases(name);
        using var dir = new TempDirectory();
        var written = RandomWalk(Eurusd, Count, c.Start);
        var path = dir.File(c.FileName);
        CsvTickFileWriter.Write(path, written, c.Write);

        var (fast, summary, batches) = ReadAll(path, c.Read with { BatchSize = 4096, BufferSize = 4096 });
        var reference = CsvReferenceReader.Read(path, c.Write.Format, c.Read.UtcOffset, c.Read.TimeZone);

        AssertSameColumns(reference, fast);
        AssertSameColumns(written, fast, volumes: c.KeepsVolumes);
        Assert.Equal(c.Write.Format, summary.Format);
        Assert.Equal(Count, summary.Ticks);
        Assert.True(batches >= Count / 4096);
    }

    private static Case Cases(string name)
    {
        var eur = Eurusd;
        return name switch
        {
            "dukascopy-gmt" => new("EURUSD_Ticks_2022.03.27-2022.03.27.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.Dukascopy, Instrument = eur }, new(), true),
            "dukascopy-suffix-dst" => new("EURUSD_Ticks_2022.03.27-2022.03.27.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.Dukascopy, Instrument = eur, TimeZone = "Europe/Zurich", GmtSuffix = true }, new(), true),
            "dukascopy-local-crlf-no-volumes" => new("EURUSD_Ticks_2022.03.27-2022.03.27.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.Dukascopy, Instrument = eur, UtcOffset = TimeSpan.FromHours(2), Volumes = false, CrLf = true },
                new() { UtcOffset = TimeSpan.FromHours(2) }, false),
            "dukascopy-node" => new("eurusd-tick-2022-03-27-2022-03-28.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.DukascopyNode, Instrument = eur }, new(), true),
            "dukascopy-node-no-volumes" => new("eurusd-tick-2022-03-27-2022-03-28.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.DukascopyNode, Instrument = eur, Volumes = false }, new(), false),
            "mt5-offset" => new("EURUSD_mt5_ticks.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.Mt5, Instrument = eur, UtcOffset = TimeSpan.FromHours(2) },
                new() { Symbol = "EURUSD", UtcOffset = TimeSpan.FromHours(2) }, false),
            "mt5-dst-zone-crlf" => new("EURUSD_mt5_ticks.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.Mt5, Instrument = eur, TimeZone = "Europe/Helsinki", CrLf = true },
                new() { Symbol = "EURUSD", TimeZone = "Europe/Helsinki" }, false),
            "histdata" => new("DAT_ASCII_EURUSD_T_202203.csv", BeforeSpringForward2022,
                new() { Format = CsvTickFormat.HistData, Instrument = eur }, new(), false),
            "lean-oanda" => new("20140501_quote.zip", new DateTime(2014, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                new() { Format = CsvTickFormat.Lean, Instrument = eur }, new(), false),
            "lean-fxcm" => new("20140501_quote.zip", new DateTime(2014, 5, 1, 10, 0, 0, DateTimeKind.Utc),
                new() { Format = CsvTickFormat.Lean, Instrument = eur, UtcOffset = TimeSpan.FromHours(-5) },
                new() { UtcOffset = TimeSpan.FromHours(-5) }, false),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }
}

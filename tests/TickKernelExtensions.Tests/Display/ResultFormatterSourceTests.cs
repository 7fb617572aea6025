using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Columnar;

namespace TickKernelExtensions.Tests.Display;

/// <summary>
/// The library's result types render through their formatter sources, found by the Formatter itself: every test
/// starts from <see cref="Formatter.ResetToDefault"/> and never calls <see cref="NotebookDisplay.Register"/>.
/// </summary>
[Collection(FormatterCollection.Name)]
public sealed class ResultFormatterSourceTests
{
    public ResultFormatterSourceTests() => Formatter.ResetToDefault();

    public static TheoryData<string> ResultTypes() =>
    [
        nameof(IngestSummary), nameof(DownloadReport), nameof(SymbolGapReport), nameof(GapReportTable),
        nameof(ConversionReport), nameof(CsvImportResult), nameof(TickColumns), nameof(MirrorWriteResult),
    ];

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void ToDisplayString_ResultTypeAsHtml_IsWellFormedTableWithoutMarkupFromValues(string type)
    {
        var value = Sample(type);

        var html = value.ToDisplayString("text/html");

        HtmlAssert.WellFormed(html);
        Assert.StartsWith("<div", html, StringComparison.Ordinal);
        Assert.Contains("<table", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dni-", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void GetPreferredMimeTypesFor_ResultType_IsTextHtml(string type)
    {
        var value = Sample(type);

        Assert.Equal(["text/html"], Formatter.GetPreferredMimeTypesFor(value.GetType()));
    }

    [Theory]
    [MemberData(nameof(ResultTypes))]
    public void ToDisplayString_ResultTypeAsPlainText_IsTheViewNotAPropertyDump(string type)
    {
        var value = Sample(type);

        var text = value.ToDisplayString("text/plain");

        Assert.DoesNotContain(" = ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text.Replace(ResultSamples.Evil, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(text.Split('\n').Length >= 2, text);
    }

    [Fact]
    public void ToDisplayString_ValuesHoldingMarkup_AreEscapedInHtml()
    {
        foreach (object value in new object[] { ResultSamples.Ingest(), ResultSamples.Download(), ResultSamples.Conversion(), ResultSamples.Csv(), ResultSamples.Gaps(ResultSamples.Evil) })
        {
            var html = value.ToDisplayString("text/html");

            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
            Assert.Contains(ResultSamples.Evil, HtmlAssert.Text(html), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ToDisplayString_IngestSummary_ShowsVerdictDownloadGapsConversionAndMirror()
    {
        var html = ResultSamples.Ingest().ToDisplayString("text/html");
        var text = HtmlAssert.Text(html);

        Assert.Contains("Ingest builtin-1a2b3c4d", text, StringComparison.Ordinal);
        Assert.Contains("incomplete", text, StringComparison.Ordinal);
        Assert.Contains("48 buckets", text, StringComparison.Ordinal);
        Assert.Contains("5 missing", text, StringComparison.Ordinal);
        Assert.Contains("456,789 ticks to Parquet", text, StringComparison.Ordinal);
        Assert.Contains("2024-03-04 10:00", text, StringComparison.Ordinal);
        Assert.Contains("not found", text, StringComparison.Ordinal);
        Assert.Contains("Simulated mirror", text, StringComparison.Ordinal);
        Assert.Contains("Conversion", text, StringComparison.Ordinal);
        Assert.Contains("color:#c62828", html, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_DownloadReport_CountsEveryStateAndMarksFailuresRed()
    {
        var report = ResultSamples.Download();

        var root = HtmlAssert.WellFormed(report.ToDisplayString("text/html"));

        var counts = root.Descendants("table").First();
        var headers = counts.Descendants("th").Select(h => h.Value).ToList();
        var cells = counts.Descendants("td").ToList();
        Assert.Equal("3", cells[headers.IndexOf("Not found")].Value);
        Assert.Equal("2", cells[headers.IndexOf("Failed")].Value);
        Assert.Equal("1", cells[headers.IndexOf("Empty suspect")].Value);
        Assert.Equal("18", cells[headers.IndexOf("Stored")].Value);
        Assert.Equal("22,212", cells[headers.IndexOf("Records stored")].Value);
        Assert.Contains("color:#c62828", (string?)cells[headers.IndexOf("Failed")].Attribute("style"), StringComparison.Ordinal);
        Assert.DoesNotContain("color:#c62828", (string?)cells[headers.IndexOf("Conflict")].Attribute("style"), StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_GapReportTable_OneRowPerSymbolThenEveryRange()
    {
        var table = new GapReportTable([ResultSamples.Gaps("EURUSD"), ResultSamples.Gaps("USDJPY")]);

        var root = HtmlAssert.WellFormed(table.ToDisplayString("text/html"));

        var tables = root.Descendants("table").ToList();
        Assert.Equal(2, tables.Count);
        Assert.Equal(["EURUSD", "USDJPY"], tables[0].Element("tbody")!.Elements("tr").Select(r => r.Elements("td").First().Value));
        Assert.Equal(6, tables[1].Element("tbody")!.Elements("tr").Count());
        Assert.Contains("10 missing", HtmlAssert.Text(root.ToString()), StringComparison.Ordinal);
        Assert.Equal(10, table.MissingBuckets);
    }

    [Fact]
    public void ToDisplayString_ConversionReport_PerSymbolCountsAndFailedDayWithError()
    {
        var text = HtmlAssert.Text(ResultSamples.Conversion().ToDisplayString("text/html"));

        Assert.Contains("3 symbol-days", text, StringComparison.Ordinal);
        Assert.Contains("456,789 ticks", text, StringComparison.Ordinal);
        Assert.Contains("1 day failed", text, StringComparison.Ordinal);
        Assert.Contains("2024-03-05", text, StringComparison.Ordinal);
        Assert.Contains("bad hour 07h", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_CsvImportResult_ShowsReadCountsSkippedReasonsAndFiles()
    {
        var text = HtmlAssert.Text(ResultSamples.Csv().ToDisplayString("text/html"));

        Assert.Contains("CSV import eurusd-mt5.csv", text, StringComparison.Ordinal);
        Assert.Contains("990 ticks", text, StringComparison.Ordinal);
        Assert.Contains("10 skipped", text, StringComparison.Ordinal);
        Assert.Contains("Skipped: NoQuoteChange", text, StringComparison.Ordinal);
        Assert.Contains("symbol=EURUSD/date=2024-03-05/csv-1.parquet", text, StringComparison.Ordinal);
        Assert.Contains("2024-03-05 06:00:00.000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_MirrorWriteResult_ShowsGroundTruthPerSymbol()
    {
        var mirror = ResultSamples.Mirror();

        var text = HtmlAssert.Text(mirror.ToDisplayString("text/html"));

        var truth = mirror.Manifest.For("EURUSD");
        Assert.Contains($"{truth.Ticks:N0} ticks", text, StringComparison.Ordinal);
        Assert.Contains("47 files written", text, StringComparison.Ordinal);
        Assert.Contains("96.5 KiB", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_RealTickHour_ShowsCountRangeAndOnlyHeadAndTailRows()
    {
        var ticks = FixtureTicks.EurUsdHour();

        var html = ticks.ToDisplayString("text/html");

        var root = HtmlAssert.WellFormed(html);
        var rows = root.Descendants("tbody").Single().Elements("tr").ToList();
        Assert.Equal(11, rows.Count);
        Assert.Equal("⋯ 3,723 more", rows[5].Elements("td").First().Value);
        Assert.Equal("0", rows[0].Elements("td").First().Value);
        Assert.Equal("3,732", rows[^1].Elements("td").First().Value);
        var text = HtmlAssert.Text(html);
        Assert.Contains("3,733 ticks", text, StringComparison.Ordinal);
        Assert.Contains($"{DisplayTextOf(ticks.Timestamps[0])} → {DisplayTextOf(ticks.Timestamps[^1])} UTC", text, StringComparison.Ordinal);
        Assert.Contains(ticks.Bids[0].ToString(System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_TicksWithoutVolumes_ShowMissingMarkNotNaN()
    {
        var ticks = FixtureTicks.BtcUsdHourWithoutVolumes();

        var text = HtmlAssert.Text(ticks.ToDisplayString("text/html"));

        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.Contains("8,523 without volume", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_EmptyTickColumns_SaysZeroTicks()
    {
        var html = new TickColumns().ToDisplayString("text/html");

        Assert.Contains("0 ticks", HtmlAssert.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public void ToDisplayString_AfterResetToDefault_ResultTypesStillRenderTheirView()
    {
        var summary = ResultSamples.Ingest();
        var before = summary.ToDisplayString("text/html");

        Formatter.ResetToDefault();

        Assert.Equal(before, summary.ToDisplayString("text/html"));
    }

    [Fact]
    public void ToDisplayString_ListOfGapReports_RendersEachWithItsView()
    {
        IReadOnlyList<SymbolGapReport> gaps = [ResultSamples.Gaps("EURUSD"), ResultSamples.Gaps("USDJPY")];

        var html = gaps.ToDisplayString("text/html");

        Assert.Contains("Gap report EURUSD", html, StringComparison.Ordinal);
        Assert.Contains("Gap report USDJPY", html, StringComparison.Ordinal);
    }

    private static string DisplayTextOf(long micros) =>
        TickTime.FromMicros(micros).ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    private static object Sample(string type) => type switch
    {
        nameof(IngestSummary) => ResultSamples.Ingest(),
        nameof(DownloadReport) => ResultSamples.Download(),
        nameof(SymbolGapReport) => ResultSamples.Gaps(),
        nameof(GapReportTable) => new GapReportTable([ResultSamples.Gaps("EURUSD"), ResultSamples.Gaps("GBPUSD")]),
        nameof(ConversionReport) => ResultSamples.Conversion(),
        nameof(CsvImportResult) => ResultSamples.Csv(),
        nameof(TickColumns) => FixtureTicks.EurUsdHour(),
        nameof(MirrorWriteResult) => ResultSamples.Mirror(),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}

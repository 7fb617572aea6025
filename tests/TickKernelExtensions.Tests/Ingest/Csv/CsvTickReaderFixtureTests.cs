using System.Globalization;
using System.Text;
using System.Text.Json;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;
using static TickKernelExtensions.Tests.Ingest.Csv.CsvTestData;

namespace TickKernelExtensions.Tests.Ingest.Csv;

/// <summary>
/// Real Dukascopy hours (the shared fixtures' upstream expectations) printed the way the CSV tools print
/// them, then read back: every tick must come out exactly as upstream decoded it.
/// </summary>
public sealed class CsvTickReaderFixtureTests
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [Fact]
    public void ReadBatch_RealEurusdHourAsDukascopyExport_MatchesUpstreamDecodedValues()
    {
        // [msFromHourStart, askPoints, bidPoints, askVolume, bidVolume] for 2019-02-04 00:00 UTC.
        var records = JsonSerializer.Deserialize<double[][]>(File.ReadAllText(Fixtures.Path("dukascopy/expected/EURUSD-2019-01-04-00h_ticks.decoded.json")))!;
        var hour = new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder("Gmt time,Ask,Bid,AskVolume,BidVolume\n");
        foreach (var r in records)
        {
            text.Append(hour.AddMilliseconds(r[0]).ToString("dd.MM.yyyy HH:mm:ss.fff", Invariant)).Append(',')
                .Append((r[1] / 100_000).ToString("R", Invariant)).Append(',').Append((r[2] / 100_000).ToString("R", Invariant)).Append(',')
                .Append(((float)r[3]).ToString("R", Invariant)).Append(',').Append(((float)r[4]).ToString("R", Invariant)).Append('\n');
        }
        using var dir = new TempDirectory();
        var path = dir.WriteText("EURUSD_Ticks_2019.02.04-2019.02.04.csv", text.ToString());

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(3_733, ticks.Count);
        Assert.Equal(3_733, summary.Ticks);
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            Assert.Equal(TickTime.ToMicros(hour) + ((long)r[0] * 1000), ticks.Timestamps[i]);
            Assert.Equal(r[1] / 100_000, ticks.Asks[i]);
            Assert.Equal(r[2] / 100_000, ticks.Bids[i]);
            Assert.Equal((float)r[3], ticks.AskVolumes[i]);
            Assert.Equal((float)r[4], ticks.BidVolumes[i]);
        }
        Assert.Equal(1.14545, ticks.Asks[0]);
        Assert.Equal(2.06f, ticks.BidVolumes[0]);
    }

    [Fact]
    public void ReadBatch_RealBtcusdHourAsDukascopyNodeCsv_MatchesTheCliExpectedOutput()
    {
        // dukascopy-node's expected CLI output for this hour, as JSON; its CSV output has the same fields.
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path("dukascopy/expected/BTCUSD-2023-02-20T12-tick.normalised.json")));
        var rows = json.RootElement.EnumerateArray()
            .Select(e => (Ms: e.GetProperty("timestamp").GetInt64(), Ask: e.GetProperty("askPrice").GetRawText(), Bid: e.GetProperty("bidPrice").GetRawText()))
            .ToList();
        using var dir = new TempDirectory();
        var path = dir.Write("btcusd-tick-2023-02-20T12-2023-02-20T13.csv",
            new[] { "timestamp,askPrice,bidPrice" }.Concat(rows.Select(r => $"{r.Ms},{r.Ask},{r.Bid}")));

        var (ticks, summary, _) = ReadAll(path);

        Assert.Equal(8_523, ticks.Count);
        Assert.Equal("BTCUSD", summary.Symbol);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(rows[i].Ms * 1000, ticks.Timestamps[i]);
            Assert.Equal(double.Parse(rows[i].Ask, Invariant), ticks.Asks[i]);
            Assert.Equal(double.Parse(rows[i].Bid, Invariant), ticks.Bids[i]);
        }
        Assert.Equal((1_676_894_400_084_000L, 24921.5, 24849.4), (ticks.Timestamps[0], ticks.Asks[0], ticks.Bids[0]));
    }
}

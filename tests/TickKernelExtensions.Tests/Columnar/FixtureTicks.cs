using System.Text.Json;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Columnar;

/// <summary>Real Dukascopy ticks from the shared fixtures' expected files, as tick columns.</summary>
internal static class FixtureTicks
{
    /// <summary>EURUSD 2019-02-04 00:00-01:00 UTC, 3,733 ticks: <c>[msFromHour, askInt, bidInt, askVolume, bidVolume]</c>, prices / 1e5.</summary>
    public static TickColumns EurUsdHour()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path("dukascopy/expected/EURUSD-2019-01-04-00h_ticks.decoded.json")));
        var hour = TickTime.ToMicros(new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc));
        var ticks = new TickColumns();
        foreach (var row in json.RootElement.EnumerateArray())
        {
            ticks.Add(
                hour + (row[0].GetInt64() * TickTime.MicrosPerMilli),
                row[2].GetInt64() / 100_000.0,
                row[1].GetInt64() / 100_000.0,
                (float)row[4].GetDouble(),
                (float)row[3].GetDouble());
        }
        return ticks;
    }

    /// <summary>BTCUSD 2023-02-20 12:00-13:00 UTC, 8,523 ticks without volumes (NaN, written as null).</summary>
    public static TickColumns BtcUsdHourWithoutVolumes()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path("dukascopy/expected/BTCUSD-2023-02-20T12-tick.normalised.json")));
        var ticks = new TickColumns();
        foreach (var row in json.RootElement.EnumerateArray())
        {
            ticks.Add(
                row.GetProperty("timestamp").GetInt64() * TickTime.MicrosPerMilli,
                row.GetProperty("bidPrice").GetDouble(),
                row.GetProperty("askPrice").GetDouble(),
                float.NaN,
                float.NaN);
        }
        return ticks;
    }
}

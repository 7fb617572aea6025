using System.Text.Json;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy;

/// <summary>
/// The upstream expectations in <c>../shared/fixtures/dukascopy/expected</c>: arrays of raw records whose floats
/// are float32 values widened to double (compare them as float32 bit patterns).
/// </summary>
internal static class ExpectedRecords
{
    public const string EurUsdTicks = "dukascopy/expected/EURUSD-2019-01-04-00h_ticks.decoded.json";
    public const string EurUsdMinutes = "dukascopy/expected/EURUSD-2019-01-04-BID_candles_min_1.decoded.json";
    public const string EurUsdHours = "dukascopy/expected/EURUSD-2019-01-BID_candles_hour_1.decoded.json";
    public const string EurUsdDays = "dukascopy/expected/EURUSD-2019-BID_candles_day_1.decoded.json";
    public const string BtcUsdNormalised = "dukascopy/expected/BTCUSD-2023-02-20T12-tick.normalised.json";

    /// <summary>Each record as an array of doubles.</summary>
    public static double[][] Read(string relative)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Path(relative)));
        return document.RootElement.EnumerateArray()
            .Select(record => record.EnumerateArray().Select(v => v.GetDouble()).ToArray())
            .ToArray();
    }

    /// <summary>The normalised BTCUSD ticks: epoch milliseconds, ask price, bid price.</summary>
    public static (long TimestampMs, double Ask, double Bid)[] ReadNormalised()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Fixtures.Path(BtcUsdNormalised)));
        return document.RootElement.EnumerateArray()
            .Select(t => (t.GetProperty("timestamp").GetInt64(), t.GetProperty("askPrice").GetDouble(), t.GetProperty("bidPrice").GetDouble()))
            .ToArray();
    }

    /// <summary>The float32 bit pattern of an expected value (a float32 widened to double).</summary>
    public static int Float32Bits(double expected) => BitConverter.SingleToInt32Bits((float)expected);

    /// <summary>The bit pattern of a decoded float32.</summary>
    public static int Bits(float actual) => BitConverter.SingleToInt32Bits(actual);

    /// <summary>Float32 values whose bits must survive a round trip: NaN payloads, signed zeros, infinities, subnormals.</summary>
    public static readonly float[] AwkwardFloats =
    [
        BitConverter.Int32BitsToSingle(0x7FC00000), // quiet NaN
        BitConverter.Int32BitsToSingle(0x7FC12345), // quiet NaN with payload
        BitConverter.Int32BitsToSingle(0x7F800001), // signalling NaN
        BitConverter.Int32BitsToSingle(unchecked((int)0xFFFFFFFF)), // negative NaN, all payload bits
        -0f, 0f, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon,
        float.MaxValue, float.MinValue, 1e-6f, 2.06f, 1f,
    ];
}

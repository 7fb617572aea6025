using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy;

/// <summary>The real bi5 fixtures in <c>../shared/fixtures/dukascopy</c> (see its README), by role.</summary>
internal static class Bi5Fixtures
{
    public const string EurUsdTicks = "dukascopy/bi5/EURUSD/2019/01/04/00h_ticks.bi5";
    public const string EurUsdMinutes = "dukascopy/bi5/EURUSD/2019/01/04/BID_candles_min_1.bi5";
    public const string EurUsdHours = "dukascopy/bi5/EURUSD/2019/01/BID_candles_hour_1.bi5";
    public const string EurUsdDays = "dukascopy/bi5/EURUSD/2019/BID_candles_day_1.bi5";
    public const string BtcUsdTicks = "dukascopy/bi5/BTCUSD/2023/01/20/12h_ticks.bi5";
    public const string Empty = "dukascopy/bi5/empty.bi5";

    /// <summary>Every non-empty bi5 fixture.</summary>
    public static readonly string[] NonEmpty = [EurUsdTicks, EurUsdMinutes, EurUsdHours, EurUsdDays, BtcUsdTicks];

    public static TheoryData<string> NonEmptyData => new(NonEmpty);

    public static byte[] Read(string relative) => File.ReadAllBytes(Fixtures.Path(relative));
}

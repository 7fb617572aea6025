using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Mirror;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Download;

public sealed class JsonApiFeedDownloadTests
{
    private static readonly Instrument BtcUsd = InstrumentCatalog.Default.Get("BTCUSD");
    private static readonly DateTime Hour = new(2023, 2, 20, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task DownloadAsync_JsonApiMirror_StoresTheJsonUnderItsApiPath()
    {
        using var dir = new TempDirectory();
        var bucket = new DukascopyBucket(BtcUsd, BucketKind.TickHour, Hour);
        var served = Path.Combine(dir.Path, "mirror", bucket.JsonApiPath);
        Directory.CreateDirectory(Path.GetDirectoryName(served)!);
        File.Copy(Fixtures.Path("dukascopy/jetta-json/ticks-BTC-USD-2023-2-20-12.json"), served);
        await using var server = LoopbackMirrorServer.Start(Path.Combine(dir.Path, "mirror"));
        var raw = new RawZone(Path.Combine(dir.Path, "raw"));
        var feed = new JsonApiFeed(server.BaseUri);

        var report = await new DukascopyDownloader(feed, raw, MirrorFixture.Fast)
            .DownloadAsync(new DownloadRequest([BtcUsd], Hour, Hour.AddHours(1)), cancellationToken: TestContext.Current.CancellationToken);

        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(BucketState.Stored, outcome.State);
        Assert.Equal(8523, outcome.Records);
        Assert.Equal("ticks/BTC-USD/2023/2/20/12.json", feed.RawPathOf(bucket));
        Assert.Equal(File.ReadAllBytes(served), File.ReadAllBytes(raw.PathOf(JsonApiFeed.Source, feed.RawPathOf(bucket))));
        Assert.Equal(new Uri(server.BaseUri, "ticks/BTC-USD/2023/2/20/12"), feed.UrlOf(bucket));
    }

    [Fact]
    public void Check_EmptyJsonBucket_IsEmptyNotBad()
    {
        var eur = InstrumentCatalog.Default.Get("EURUSD");
        var bucket = new DukascopyBucket(eur, BucketKind.MinuteCandlesOfDay, new DateTime(2026, 7, 11, 0, 0, 0, DateTimeKind.Utc));
        var body = File.ReadAllBytes(Fixtures.Path("dukascopy/jetta-json/candles-minute-EUR-USD-BID-2026-7-11-empty.json"));

        var check = new JsonApiFeed().Check(bucket, body, TickValidationOptions.AsReceived);

        Assert.Equal(PayloadState.Empty, check.State);
    }

    [Fact]
    public void Check_Bi5CandleFixture_IsGood()
    {
        var eur = InstrumentCatalog.Default.Get("EURUSD");
        var bucket = new DukascopyBucket(eur, BucketKind.HourCandlesOfMonth, new DateTime(2019, 2, 1, 0, 0, 0, DateTimeKind.Utc));
        var body = File.ReadAllBytes(Fixtures.Path("dukascopy/bi5/EURUSD/2019/01/BID_candles_hour_1.bi5"));

        var check = new Bi5Feed().Check(bucket, body, TickValidationOptions.AsReceived);

        Assert.Equal((PayloadState.Good, 672), (check.State, check.Records));
    }

    [Fact]
    public void Check_Bi5UnderWrongSymbol_IsBadBecauseImplausible()
    {
        // EURUSD points 114545 divided by XAUUSD's factor 1000 give 114.5: far below gold's plausible range.
        var xau = InstrumentCatalog.Default.Get("XAUUSD");
        var bucket = new DukascopyBucket(xau, BucketKind.TickHour, new DateTime(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc));
        var body = File.ReadAllBytes(Fixtures.Path("dukascopy/bi5/EURUSD/2019/01/04/00h_ticks.bi5"));

        var check = new Bi5Feed().Check(bucket, body, TickValidationOptions.AsReceived);

        Assert.Equal(PayloadState.Bad, check.State);
        Assert.Contains("plausible", check.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bucket_Paths_UseZeroBasedMonthForBi5AndOneBasedForJson()
    {
        var eur = InstrumentCatalog.Default.Get("EURUSD");
        var jan = new DukascopyBucket(eur, BucketKind.TickHour, new DateTime(2024, 1, 5, 7, 0, 0, DateTimeKind.Utc));
        var dec = new DukascopyBucket(eur, BucketKind.TickHour, new DateTime(2024, 12, 5, 17, 0, 0, DateTimeKind.Utc));

        Assert.Equal("EURUSD/2024/00/05/07h_ticks.bi5", jan.Bi5Path);
        Assert.Equal("EURUSD/2024/11/05/17h_ticks.bi5", dec.Bi5Path);
        Assert.Equal("ticks/EUR-USD/2024/1/5/7", jan.JsonApiPath);
        Assert.Equal("ticks/EUR-USD/2024/12/5/17", dec.JsonApiPath);
        Assert.Equal("EURUSD/2024/11/BID_candles_hour_1.bi5", (dec with { Kind = BucketKind.HourCandlesOfMonth }).Bi5Path);
        Assert.Equal("candles/day/EUR-USD/ASK/2024", (dec with { Kind = BucketKind.DayCandlesOfYear, Side = PriceSide.Ask }).JsonApiPath);
    }
}

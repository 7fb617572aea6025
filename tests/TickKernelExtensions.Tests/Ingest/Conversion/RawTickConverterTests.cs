using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;


namespace TickKernelExtensions.Tests.Ingest.Conversion;

public sealed class RawTickConverterTests : IDisposable
{
    private static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    private static readonly DateTime Monday = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _dir = new();
    private readonly RawZone _raw;
    private readonly TickParquetDataset _dataset;
    private readonly Bi5Feed _feed = new();

    public RawTickConverterTests()
    {
        _raw = new RawZone(_dir.Combine("raw"));
        _dataset = new TickParquetDataset(_dir.Combine("ticks"));
    }

    public void Dispose() => _dir.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private byte[] Fixture => File.ReadAllBytes(Fixtures.Path("dukascopy/bi5/EURUSD/2019/01/04/00h_ticks.bi5"));

    private string Store(DateTime hour, byte[] bytes) =>
        _raw.Store(Bi5Feed.Source, new DukascopyBucket(EurUsd, BucketKind.TickHour, hour).Bi5Path, bytes, new RawProvenance("test")).FullPath;

    private RawTickConverter Converter(ConvertOptions? options = null) => new(_feed, _raw, _dataset, options);

    [Fact]
    public async Task ConvertAsync_FixtureHours_EveryTickReadBackByDuckDb()
    {
        Store(Monday, Fixture);
        Store(Monday.AddHours(1), Fixture);

        var report = await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);

        var day = Assert.Single(report.Days);
        Assert.Equal((DayState.Converted, 2, 2 * 3733L), (day.State, day.RawFiles, day.Ticks));
        var file = _dataset.FileOf("EURUSD", DateOnly.FromDateTime(Monday), Bi5Feed.Source);
        var rows = DuckDb.ReadTicks(file);
        Assert.Equal(7466, rows.Count);
        // First record of the fixture: [994, 114545, 114543, 1, 2.06]: 00:00:00.994, ask 1.14545, bid 1.14543.
        Assert.Equal((TickTime.ToMicros(Monday) + 994_000, 1.14543, 1.14545, 2.06f, 1f),
            (rows[0].Ts, rows[0].Bid!.Value, rows[0].Ask!.Value, rows[0].BidVolume!.Value, rows[0].AskVolume!.Value));
        Assert.Equal(TickTime.ToMicros(Monday.AddHours(1)) + 994_000, rows[3733].Ts);
    }

    [Fact]
    public async Task ConvertAsync_Rerun_LeavesUpToDateDaysAlone()
    {
        Store(Monday, Fixture);
        await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);
        var file = _dataset.FileOf("EURUSD", DateOnly.FromDateTime(Monday), Bi5Feed.Source);
        var stamp = File.GetLastWriteTimeUtc(file);

        var report = await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);

        Assert.Equal(DayState.UpToDate, Assert.Single(report.Days).State);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(file));
    }

    [Fact]
    public async Task ConvertAsync_NewHourArrives_DayIsRewrittenWithIt()
    {
        Store(Monday, Fixture);
        await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);
        File.SetLastWriteTimeUtc(_dataset.FileOf("EURUSD", DateOnly.FromDateTime(Monday), Bi5Feed.Source), DateTime.UtcNow.AddMinutes(-5));
        Store(Monday.AddHours(3), Fixture);

        var report = await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);

        Assert.Equal((DayState.Converted, 2 * 3733L), (report.Days[0].State, report.Days[0].Ticks));
    }

    [Fact]
    public async Task ConvertAsync_CorruptRawHour_DayFailsAndPreviousParquetIsKept()
    {
        Store(Monday, Fixture);
        await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);
        var file = _dataset.FileOf("EURUSD", DateOnly.FromDateTime(Monday), Bi5Feed.Source);
        var before = File.ReadAllBytes(file);
        var corrupt = Store(Monday.AddHours(1), Fixture[..5000]);

        var report = await Converter(new ConvertOptions { Force = true }).ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);

        var day = Assert.Single(report.Days);
        Assert.Equal(DayState.Failed, day.State);
        Assert.Contains(corrupt, day.Error, StringComparison.Ordinal);
        Assert.False(report.Succeeded);
        Assert.Equal(before, File.ReadAllBytes(file));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(file)!, ".*"));
    }

    [Fact]
    public async Task ConvertAsync_WeekendAndMissingDays_NoData()
    {
        var report = await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(2), cancellationToken: Ct);

        Assert.All(report.Days, d => Assert.Equal(DayState.NoData, d.State));
        Assert.Empty(_dataset.ListFiles());
    }

    [Fact]
    public async Task ConvertAsync_SameInputTwiceWithForce_ByteIdenticalOutput()
    {
        Store(Monday, Fixture);
        await Converter().ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);
        var file = _dataset.FileOf("EURUSD", DateOnly.FromDateTime(Monday), Bi5Feed.Source);
        var first = File.ReadAllBytes(file);

        await Converter(new ConvertOptions { Force = true }).ConvertAsync([EurUsd], Monday, Monday.AddDays(1), cancellationToken: Ct);

        Assert.Equal(first, File.ReadAllBytes(file));
    }
}

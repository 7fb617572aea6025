using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Csv;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Display;

/// <summary>Result values with known numbers for the display tests; strings that reach HTML carry markup to be escaped.</summary>
internal static class ResultSamples
{
    public const string Evil = "<script>alert('x')</script>";

    private static readonly DateTime Monday = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    public static SymbolGapReport Gaps(string symbol = "EURUSD") => new(
        symbol, Buckets: 48, WithData: 41, ExpectedClosed: 0, Provisional: 1,
        Suspect: [new GapRange(Monday.AddHours(5), Monday.AddHours(6), 1, "empty in trading hours")],
        Missing:
        [
            new GapRange(Monday.AddHours(10), Monday.AddHours(13), 3, "not found"),
            new GapRange(Monday.AddHours(20), Monday.AddHours(22), 2, "failed: " + Evil),
        ]);

    public static DownloadReport Download()
    {
        var eurusd = InstrumentCatalog.Default.Get("EURUSD");
        var outcomes = new List<BucketOutcome>();
        for (var h = 0; h < 48; h++)
        {
            var state = h switch
            {
                5 => BucketState.EmptySuspect,
                >= 10 and < 13 => BucketState.NotFound,
                >= 20 and < 22 => BucketState.Failed,
                47 => BucketState.Provisional,
                < 24 => BucketState.Stored,
                _ => BucketState.AlreadyPresent,
            };
            outcomes.Add(new BucketOutcome(new DukascopyBucket(eurusd, BucketKind.TickHour, Monday.AddHours(h)), state,
                Attempts: state == BucketState.Failed ? 4 : 1, HttpStatus: state == BucketState.Failed ? 503 : 200,
                Bytes: 1000, Records: state == BucketState.Stored ? 1234 : 0, Detail: state == BucketState.Failed ? Evil : null));
        }
        return new DownloadReport(outcomes, Requests: 61, Bytes: 3_500_000, TimeSpan.FromSeconds(12.5), [Gaps()]);
    }

    public static ConversionReport Conversion() => new(
    [
        new DayConversion("EURUSD", new DateOnly(2024, 3, 4), DayState.Converted, 24, 456_789, 2_345_678, 3),
        new DayConversion("EURUSD", new DateOnly(2024, 3, 5), DayState.Failed, 24, 0, 0, 0, "bad hour 07h: " + Evil),
        new DayConversion("USDJPY", new DateOnly(2024, 3, 4), DayState.UpToDate, 24, 0, 0, 0),
    ], TimeSpan.FromSeconds(3));

    public static MirrorWriteResult Mirror()
    {
        var sim = new MarketSimulator(new MarketSimulatorOptions
        {
            Symbols = ["EURUSD"],
            StartUtc = Monday,
            EndUtc = Monday.AddDays(2),
            TickRateScale = 0.02,
            MissingHourRate = 0.1,
        });
        return new MirrorWriteResult("/data/mirror/builtin", 47, 1, 0, sim.Manifest.TotalTicks, 98_765,
            new Dictionary<string, long> { ["EURUSD"] = 98_765 }, sim.Manifest);
    }

    public static IngestSummary Ingest() => new(
        FeedSource.BuiltIn, "builtin-1a2b3c4d", new Uri("http://127.0.0.1:5000/datafeed/"), Mirror(), Download(), Conversion(),
        new DataLayout("data"));

    public static CsvImportResult Csv()
    {
        var summary = new CsvReadSummary
        {
            Source = "imports/" + Evil + ".csv",
            Format = CsvTickFormat.Mt5,
            Symbol = "EURUSD",
            Clock = "UTC+02:00",
            Lines = 1_001,
            Rows = 1_000,
            Ticks = 990,
            Skipped = new Dictionary<CsvSkipReason, long> { [CsvSkipReason.BlankLine] = 2, [CsvSkipReason.NoQuoteChange] = 8 },
            FirstTimestamp = TickTime.ToMicros(Monday.AddHours(1)),
            LastTimestamp = TickTime.ToMicros(Monday.AddHours(30)),
            CrossedKept = 1,
            Completed = true,
        };
        var files = new List<TickPartitionFile>
        {
            new("EURUSD", new DateOnly(2024, 3, 4), "/data/parquet/a.parquet", "symbol=EURUSD/date=2024-03-04/csv-1.parquet", 600,
                TickTime.ToMicros(Monday.AddHours(1)), TickTime.ToMicros(Monday.AddHours(23)), 20_000),
            new("EURUSD", new DateOnly(2024, 3, 5), "/data/parquet/b.parquet", "symbol=EURUSD/date=2024-03-05/csv-1.parquet", 390,
                TickTime.ToMicros(Monday.AddHours(24)), TickTime.ToMicros(Monday.AddHours(30)), 14_000),
        };
        return new CsvImportResult("imports/eurusd-mt5.csv", summary, "data/raw/csv/eurusd-mt5.csv", new TickDatasetCommit("csv-1", files));
    }
}

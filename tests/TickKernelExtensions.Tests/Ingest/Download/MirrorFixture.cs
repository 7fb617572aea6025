using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Mirror;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Download;

/// <summary>
/// A temp datafeed mirror built from the real EURUSD fixture hour (2019-02-04 00:00 UTC), copied to
/// other trading hours of that Monday, plus empty weekend hours — served over loopback HTTP.
/// </summary>
internal sealed class MirrorFixture : IAsyncDisposable
{
    public static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    public static readonly DateTime Monday = new(2019, 2, 4, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime Saturday = new(2019, 2, 9, 10, 0, 0, DateTimeKind.Utc);

    private readonly TempDirectory _dir = new();
    private LoopbackMirrorServer? _server;

    public MirrorFixture()
    {
        Fixture = File.ReadAllBytes(Fixtures.Path("dukascopy/bi5/EURUSD/2019/01/04/00h_ticks.bi5"));
        MirrorRoot = _dir.Combine("mirror");
        RawRoot = _dir.Combine("raw");
        Directory.CreateDirectory(MirrorRoot);
    }

    public byte[] Fixture { get; }

    public string MirrorRoot { get; }

    public string RawRoot { get; }

    public LoopbackMirrorServer Server => _server ?? throw new InvalidOperationException("Call Serve first.");

    /// <summary>Writes the fixture bytes at the bucket's datafeed path.</summary>
    public MirrorFixture WithHour(DateTime hourUtc, byte[]? bytes = null)
    {
        var path = Path.Combine(MirrorRoot, Bucket(hourUtc).Bi5Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes ?? Fixture);
        return this;
    }

    public MirrorFixture Serve(Func<MirrorRequest, MirrorFault?>? faults = null)
    {
        _server = LoopbackMirrorServer.Start(MirrorRoot, new MirrorServerOptions { Faults = faults });
        return this;
    }

    public static DukascopyBucket Bucket(DateTime hourUtc) => new(EurUsd, BucketKind.TickHour, hourUtc);

    public RawZone Raw() => new(RawRoot);

    public DukascopyDownloader Downloader(DownloadOptions? options = null, IDukascopyFeed? feed = null, TimeProvider? time = null) =>
        new(feed ?? new Bi5Feed(Server.BaseUri), Raw(), options ?? Fast, time: time);

    public static DownloadOptions Fast { get; } = new()
    {
        MaxConcurrency = 4,
        RequestsPerSecond = 0,
        MaxAttempts = 4,
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        RequestTimeout = TimeSpan.FromSeconds(10),
        EmptyRechecks = 2,
        JitterSeed = 7,
    };

    public static DownloadRequest Hours(DateTime fromUtc, int hours) =>
        new([EurUsd], fromUtc, fromUtc.AddHours(hours));

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        _dir.Dispose();
    }
}

using System.Security.Cryptography;
using System.Text.Json;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Mirror;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Ingest.Simulation;
using TickKernelExtensions.Market;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class MarketSimulatorMirrorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Friday to Monday (the DST weekend) of two symbols, with enough missing hours to see.</summary>
    private static MarketSimulatorOptions Week() => SimulationAssert.Small("EURUSD", "BTCUSD") with
    {
        StartUtc = new DateTime(2024, 3, 8, 0, 0, 0, DateTimeKind.Utc),
        EndUtc = new DateTime(2024, 3, 11, 0, 0, 0, DateTimeKind.Utc),
        MissingHourRate = 0.05,
    };

    [Fact]
    public async Task WriteMirrorAsync_SmallRun_DatafeedLayoutThatDecodesToTheGeneratedTicks()
    {
        using var dir = new TempDirectory();
        var sim = new MarketSimulator(Week());

        var result = await sim.WriteMirrorAsync(dir.Path, cancellationToken: Ct);

        var expectedFiles = new HashSet<string>(StringComparer.Ordinal) { SimulationJson.FileName };
        foreach (var instrument in sim.Instruments)
        {
            foreach (var hour in sim.GenerateSymbol(instrument.Symbol))
            {
                var relative = new DukascopyBucket(instrument, BucketKind.TickHour, hour.HourStartUtc).Bi5Path;
                var path = Path.Combine(dir.Path, relative);
                switch (hour.Status)
                {
                    case HourStatus.Missing:
                        Assert.False(File.Exists(path), $"{relative} should be absent");
                        continue;
                    case HourStatus.Closed:
                        Assert.Equal(0, new FileInfo(path).Length);
                        break;
                    default:
                        var bytes = File.ReadAllBytes(path);
                        var decoded = new TickColumns();
                        Assert.Equal(hour.Ticks.Count, Bi5TickCodec.DecodeInto(bytes, hour.HourStartUtc, instrument, decoded));
                        SimulationAssert.SameTicks(hour.Ticks, decoded, relative);
                        var records = Bi5TickCodec.Decode(bytes);
                        Assert.All(hour.CrossedQuoteIndices, i => Assert.True(records[i].AskPoints < records[i].BidPoints));
                        break;
                }
                expectedFiles.Add(relative);
            }
        }
        var actualFiles = Directory.EnumerateFiles(dir.Path, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir.Path, f).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);
        Assert.Equal(expectedFiles.Order(), actualFiles.Order());
        Assert.Equal(expectedFiles.Count - 1, result.FilesWritten);
        Assert.Equal(sim.Manifest.TotalTicks, result.Ticks);
        Assert.Equal(actualFiles.Where(f => f.EndsWith(".bi5", StringComparison.Ordinal)).Sum(f => new FileInfo(Path.Combine(dir.Path, f)).Length), result.Bytes);
        Assert.NotEmpty(sim.Manifest.MissingHours);
    }

    [Fact]
    public async Task WriteMirrorAsync_SimulationJson_DescribesOptionsAndGroundTruth()
    {
        using var dir = new TempDirectory();
        var sim = new MarketSimulator(Week());

        var result = await sim.WriteMirrorAsync(dir.Path, cancellationToken: Ct);

        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir.Path, "simulation.json")));
        var doc = json.RootElement;
        Assert.Equal("tick-kernel-extensions/market-simulation", doc.GetProperty("format").GetString());
        var options = doc.GetProperty("options");
        Assert.Equal(42, options.GetProperty("seed").GetInt64());
        Assert.Equal("Realistic", options.GetProperty("mode").GetString());
        Assert.Equal("2024-03-08T00:00:00Z", options.GetProperty("startUtc").GetString());
        Assert.Equal(0.05, options.GetProperty("missingHourRate").GetDouble());
        Assert.Equal(result.Bytes, doc.GetProperty("totals").GetProperty("bi5Bytes").GetInt64());
        foreach (var symbol in doc.GetProperty("symbols").EnumerateArray())
        {
            var truth = sim.Manifest.For(symbol.GetProperty("symbol").GetString()!);
            Assert.Equal(truth.Ticks, symbol.GetProperty("ticks").GetInt64());
            Assert.Equal(truth.Spikes, symbol.GetProperty("spikes").GetInt64());
            Assert.Equal(truth.CrossedQuotes, symbol.GetProperty("crossedQuotes").GetInt64());
            Assert.Equal(result.BytesBySymbol[truth.Symbol], symbol.GetProperty("bi5Bytes").GetInt64());
            Assert.Equal(truth.MissingHours, symbol.GetProperty("missingHours").EnumerateArray().Select(h => h.GetDateTime().ToUniversalTime()));
            Assert.Equal(truth.Regimes.Count, symbol.GetProperty("regimes").GetArrayLength());
        }
    }

    [Fact]
    public async Task WriteMirrorAsync_RunAgain_LeavesIdenticalFilesAloneAndRepairsADamagedOne()
    {
        using var dir = new TempDirectory();
        var sim = new MarketSimulator(Week());
        var first = await sim.WriteMirrorAsync(dir.Path, cancellationToken: Ct);
        var before = Snapshot(dir.Path);

        var second = await new MarketSimulator(Week()).WriteMirrorAsync(dir.Path, cancellationToken: Ct);

        Assert.Equal(0, second.FilesWritten);
        Assert.Equal(first.FilesWritten, second.FilesUnchanged);
        Assert.Equal(before, Snapshot(dir.Path));

        var victim = Path.Combine(dir.Path, new DukascopyBucket(sim.Instruments[0], BucketKind.TickHour, new DateTime(2024, 3, 8, 14, 0, 0, DateTimeKind.Utc)).Bi5Path);
        File.WriteAllBytes(victim, [1, 2, 3]);
        var stale = Path.Combine(dir.Path, new DukascopyBucket(sim.Instruments[0], BucketKind.TickHour, sim.Manifest.Symbols[0].MissingHours[0]).Bi5Path);
        File.WriteAllBytes(stale, [4, 5, 6]);

        var third = await sim.WriteMirrorAsync(dir.Path, cancellationToken: Ct);

        Assert.Equal(1, third.FilesWritten);
        Assert.Equal(1, third.FilesRemoved);
        Assert.Equal(before, Snapshot(dir.Path));
    }

    [Fact]
    public async Task WriteMirrorAsync_OneWorkerOrMany_SameBytes()
    {
        using var dir = new TempDirectory();
        var serialRoot = dir.Combine("serial");
        var parallelRoot = dir.Combine("parallel");

        var progress = new Recorder();
        await new MarketSimulator(Week() with { MaxDegreeOfParallelism = 1 }).WriteMirrorAsync(serialRoot, progress, Ct);
        await new MarketSimulator(Week() with { MaxDegreeOfParallelism = 4 }).WriteMirrorAsync(parallelRoot, cancellationToken: Ct);

        Assert.Equal(Snapshot(serialRoot), Snapshot(parallelRoot));
        var last = progress.Reports[^1];
        Assert.Equal(last.HoursTotal, last.HoursDone);
        Assert.Equal(2 * 3 * 24, last.HoursTotal);
        Assert.Equal(progress.Reports.Count, last.HoursTotal);
    }

    [Fact]
    public async Task WriteMirrorAsync_Cancelled_ThrowsAndLeavesNoTemporaryFiles()
    {
        using var dir = new TempDirectory();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var progress = new Recorder(onReport: p =>
        {
            if (p.HoursDone == 20)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new MarketSimulator(Week() with { MaxDegreeOfParallelism = 1 }).WriteMirrorAsync(dir.Path, progress, cancel.Token));

        Assert.Empty(Directory.EnumerateFiles(dir.Path, "*.tmp", SearchOption.AllDirectories));
        Assert.False(File.Exists(Path.Combine(dir.Path, "simulation.json")));
    }

    [Fact]
    public async Task WriteMirrorAsync_DownloadedOverLoopback_GapReportFindsTheMissingHours()
    {
        using var dir = new TempDirectory();
        var sim = new MarketSimulator(Week() with { Symbols = ["EURUSD"] });
        var mirror = await sim.WriteMirrorAsync(dir.Combine("mirror"), cancellationToken: Ct);
        var truth = sim.Manifest.For("EURUSD");
        var emptyTradingHours = sim.GenerateSymbol("EURUSD").Count(h => h.Status == HourStatus.Trading && h.Ticks.Count == 0);
        await using var server = LoopbackMirrorServer.Start(mirror.Root);
        var downloader = new DukascopyDownloader(new Bi5Feed(server.BaseUri), new RawZone(dir.Combine("raw")), new DownloadOptions
        {
            MaxConcurrency = 4,
            RequestsPerSecond = 0,
            MaxAttempts = 2,
            BaseDelay = TimeSpan.FromMilliseconds(1),
            MaxDelay = TimeSpan.FromMilliseconds(5),
            EmptyRechecks = 0,
        });

        var report = await downloader.DownloadAsync(
            new DownloadRequest([sim.Instruments[0]], sim.StartUtc, sim.EndUtc), cancellationToken: Ct);

        Assert.NotEmpty(truth.MissingHours);
        var gaps = Assert.Single(report.Gaps);
        Assert.Equal(truth.MissingHours, gaps.Missing.SelectMany(r => Enumerable.Range(0, r.Buckets).Select(h => r.FromUtc.AddHours(h))));
        Assert.Equal(truth.ClosedHours, gaps.ExpectedClosed);
        Assert.Equal(emptyTradingHours, gaps.SuspectBuckets);
        Assert.Equal(truth.Ticks, report.RecordsStored);
    }

    private static Dictionary<string, string> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))),
            StringComparer.Ordinal);

    /// <summary>Records progress synchronously (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class Recorder(Action<MirrorProgress>? onReport = null) : IProgress<MirrorProgress>
    {
        private readonly Lock _gate = new();

        public List<MirrorProgress> Reports { get; } = [];

        public void Report(MirrorProgress value)
        {
            lock (_gate)
            {
                Reports.Add(value);
            }
            onReport?.Invoke(value);
        }
    }
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Conversion;
using TickKernelExtensions.Ingest.Download;
using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Ingest.Mirror;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Ingest;

/// <summary>
/// Stage 1 end to end: (simulate the built-in market and serve it on loopback) → download into the
/// raw zone → convert to tick Parquet. The same code path serves the real feeds; only the base URL differs.
/// </summary>
public static class IngestJob
{
    /// <summary>Runs the stage.</summary>
    public static async Task<IngestSummary> RunAsync(
        IngestOptions options, IProgress<IngestProgress>? progress = null, ILoggerFactory? loggers = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var instruments = options.Validate();
        loggers ??= NullLoggerFactory.Instance;
        var layout = new DataLayout(options.DataRoot);
        MirrorWriteResult? simulation = null;
        LoopbackMirrorServer? server = null;
        try
        {
            Uri baseUri;
            IDukascopyFeed feed;
            var from = options.FromUtc;
            var to = options.ToUtc;
            if (options.Source == FeedSource.BuiltIn)
            {
                var simulator = new MarketSimulator(options.Simulation);
                var source = options.Simulation.SourceName;
                simulation = await simulator.WriteMirrorAsync(layout.MirrorOf(source),
                    Map(progress, "simulate", (MirrorProgress p) => (p.HoursDone, p.HoursTotal, $"{p.Ticks:N0} ticks")), cancellationToken);
                server = LoopbackMirrorServer.Start(layout.MirrorOf(source));
                baseUri = server.BaseUri;
                feed = new Bi5Feed(baseUri, source);
                from ??= simulator.StartUtc;
                to ??= simulator.EndUtc;
            }
            else
            {
                feed = options.Source == FeedSource.Json ? new JsonApiFeed(options.BaseUrl) : new Bi5Feed(options.BaseUrl);
                baseUri = feed.BaseUri;
            }
            var raw = new RawZone(layout.Raw);
            var request = new DownloadRequest(instruments, from!.Value, to!.Value, options.Kind, options.Side);
            var downloader = new DukascopyDownloader(feed, raw, options.EffectiveDownload,
                logger: loggers.CreateLogger<DukascopyDownloader>());
            var download = await downloader.DownloadAsync(request,
                Map(progress, "download", (DownloadProgress p) => (p.Done, p.Total, p.Last)), cancellationToken);
            ConversionReport? conversion = null;
            if (options.Convert && options.Kind == BucketKind.TickHour)
            {
                var converter = new RawTickConverter(feed, raw, new TickParquetDataset(layout.Ticks),
                    new ConvertOptions { Force = options.ForceConvert }, loggers.CreateLogger<RawTickConverter>());
                conversion = await converter.ConvertAsync(instruments, request.FromUtc, request.ToUtc,
                    Map(progress, "convert", (ConversionProgress p) => (p.DoneDays, p.TotalDays, p.Last)), cancellationToken);
            }
            return new IngestSummary(options.Source, feed.SourceName, baseUri, simulation, download, conversion, layout);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static IProgress<T>? Map<T>(IProgress<IngestProgress>? target, string stage, Func<T, (int Done, int Total, string? Detail)> map) =>
        target is null ? null : new MappedProgress<T>(v =>
        {
            var (done, total, detail) = map(v);
            target.Report(new IngestProgress(stage, done, total, detail));
        });

    private sealed class MappedProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

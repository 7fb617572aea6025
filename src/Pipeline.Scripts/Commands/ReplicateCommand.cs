using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Pipeline.Scripts.Output;
using TickKernelExtensions.Replication;
using TickKernelExtensions.Storage;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline replicate SRC DEST</c>: copy a local folder (the raw zone) to <c>s3://bucket/prefix</c> or another
/// folder, resumably. Exit 0 when every file is replicated and verified, 1 when some files failed (listed on
/// stderr), 2 when the run could not start (missing source or bucket, bad options), 130 when cancelled.
/// </summary>
internal static class ReplicateCommand
{
    public static Command Build()
    {
        var source = new Argument<string>("SRC") { Description = "The local folder to replicate, e.g. data/raw." };
        var destination = new Argument<string>("DEST") { Description = "s3://bucket/prefix, a folder, or file:///folder." };
        var endpoint = new Option<string?>("--endpoint") { Description = "S3 endpoint URL (default: AWS_ENDPOINT_URL_S3, else AWS S3). Credentials come from the AWS chain: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, profile, instance role." };
        var region = new Option<string?>("--region") { Description = "Signing region (default: AWS_REGION, else us-east-1)." };
        var noChunkEncoding = new Option<bool>("--no-chunk-encoding") { Description = "Sign bodies whole instead of aws-chunked streaming (needed for s3rver, which stores the chunk framing as bytes)." };
        var defaults = new ReplicationOptions();
        var concurrency = new Option<int>("--concurrency") { Description = "Files uploaded at once.", DefaultValueFactory = _ => defaults.Concurrency };
        var inFlight = new Option<int>("--max-in-flight-mb") { Description = "MiB read and not yet acknowledged, across all uploads (backpressure).", DefaultValueFactory = _ => (int)(defaults.MaxBytesInFlight >> 20) };
        var partSize = new Option<int>("--part-size-mb") { Description = "Multipart part size in MiB (S3: at least 5).", DefaultValueFactory = _ => (int)(defaults.PartSize >> 20) };
        var threshold = new Option<int>("--multipart-threshold-mb") { Description = "Files of at least this many MiB go up in parts.", DefaultValueFactory = _ => (int)(defaults.MultipartThreshold >> 20) };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per request before a file is reported failed.", DefaultValueFactory = _ => defaults.MaxAttempts };
        var manifest = new Option<string?>("--manifest") { Description = "The replication manifest (default: <SRC's parent>/replication/<destination>.json)." };
        var command = new Command("replicate", "Replicate a local folder (the immutable raw zone) to S3 or another folder: resumable, verified, idempotent.")
        {
            source, destination, endpoint, region, noChunkEncoding, concurrency, inFlight, partSize, threshold, attempts, manifest,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            try
            {
                var s3 = new S3ObjectStoreOptions { UseChunkEncoding = !r.GetValue(noChunkEncoding), MaxErrorRetry = 0 };
                s3 = s3 with
                {
                    ServiceUrl = r.GetValue(endpoint) ?? s3.ServiceUrl,
                    Region = r.GetValue(region) ?? s3.Region,
                };
                var options = new ReplicationOptions
                {
                    Concurrency = r.GetValue(concurrency),
                    MaxBytesInFlight = (long)r.GetValue(inFlight) << 20,
                    PartSize = (long)r.GetValue(partSize) << 20,
                    MultipartThreshold = (long)r.GetValue(threshold) << 20,
                    MaxAttempts = r.GetValue(attempts),
                    ManifestPath = r.GetValue(manifest),
                };
                using var store = ObjectStores.Open(r.GetValue(destination)!, s3);
                var replicator = new Replicator(store, options, ConsoleLogging.Factory.CreateLogger<Replicator>());
                var summary = await replicator.RunAsync(r.GetValue(source)!, new ReplicationProgressLines(), ct);
                Print(summary);
                return summary.Succeeded ? 0 : 1;
            }
            catch (Exception e) when (e is ObjectStoreException or ReplicationException)
            {
                var kind = e is ObjectStoreException o ? o.Kind.ToString() : ((ReplicationException)e).Kind.ToString();
                await Console.Error.WriteLineAsync($"error ({kind}): {e.Message}");
                return 2;
            }
        }));
        return command;
    }

    private static void Print(ReplicationSummary s)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{s.FilesTotal:N0} files ({IngestSummaryPrinter.Bytes(s.BytesTotal)}) → {s.Destination}: {s.FilesUploaded:N0} uploaded, {s.FilesSkipped:N0} already replicated, " +
            $"{s.FilesFoundAtDestination:N0} found at the destination, {s.Failures.Count:N0} failed; {IngestSummaryPrinter.Bytes(s.BytesUploaded)} sent in {s.Elapsed.TotalSeconds:0.0} s " +
            $"({s.BytesPerSecond / (1 << 20):0.0} MB/s), {s.Retries:N0} retries, peak {IngestSummaryPrinter.Bytes(s.PeakBytesInFlight)} in flight"));
        Console.WriteLine($"manifest: {s.ManifestPath}");
        if (s.StaleUploadsAborted > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.StaleUploadsAborted:N0} stale multipart uploads aborted"));
        }
        foreach (var left in s.UploadsLeftOnServer)
        {
            Console.Error.WriteLine($"multipart upload {left.UploadId} of {left.Key} could not be aborted (the server does not support it); it is retried next run");
        }
        foreach (var failure in s.Failures)
        {
            Console.Error.WriteLine($"{failure.Path}: {failure.Kind}: {failure.Message}");
        }
    }

    /// <summary>A progress line on stderr per 10 % of the bytes (and at the end): files, bytes, throughput, retries.</summary>
    private sealed class ReplicationProgressLines : IProgress<ReplicationProgress>
    {
        private readonly Lock _gate = new();
        private int _lastDecile = -1;

        public void Report(ReplicationProgress p)
        {
            var decile = p.BytesTotal == 0 ? 10 : (int)(p.BytesDone * 10 / p.BytesTotal);
            if (p.FilesDone == p.FilesTotal)
            {
                decile = 10;
            }
            lock (_gate)
            {
                if (decile <= _lastDecile)
                {
                    return;
                }
                _lastDecile = decile;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"replicate {p.FilesDone,6}/{p.FilesTotal} files ({decile * 10,3}%)  {IngestSummaryPrinter.Bytes(p.BytesUploaded)} sent, {p.BytesPerSecond / (1 << 20):0.0} MB/s, {p.Retries} retries"));
            }
        }
    }
}

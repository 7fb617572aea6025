using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Replication;

/// <summary>
/// Copies a local folder (the immutable raw zone, <c>data/raw</c>) to an object store: NiFi's job in the design.
/// Resumable from a manifest (<see cref="ReplicationManifest"/>); multipart uploads above a threshold with a
/// SHA-256 checksum per part; the whole file's SHA-256 stored as object metadata; bounded concurrency and bounded
/// bytes in flight; retries with exponential backoff and jitter on transient errors; every object verified after
/// upload (HEAD size and SHA-256, and a read-back for small ones) before it is recorded as done; a raw file whose bytes
/// differ from the SHA-256 its raw-zone manifest recorded is refused (it rotted or was edited); a failed multipart
/// upload aborted, and open uploads of earlier runs aborted at start. A re-run sends nothing for files already
/// verified. Files are independent: one failure is reported in the summary and does not stop the others.
/// </summary>
public sealed class Replicator
{
    private readonly IObjectStore _destination;
    private readonly ReplicationOptions _options;
    private readonly ILogger _logger;

    /// <param name="destination">Where the files go; keys are the files' paths relative to the source.</param>
    /// <param name="options">Tunables (default: <see cref="ReplicationOptions"/>'s defaults); validated here.</param>
    /// <param name="logger">Retries, failures and the summary (default: none).</param>
    public Replicator(IObjectStore destination, ReplicationOptions? options = null, ILogger<Replicator>? logger = null)
    {
        _destination = destination ?? throw new ArgumentNullException(nameof(destination));
        _options = (options ?? new ReplicationOptions()).Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        if (destination is IMultipartObjectStore multipart && _options.PartSize < multipart.MinimumPartSize)
        {
            throw new ReplicationException(ReplicationErrorKind.InvalidOptions,
                $"Invalid replication options: PartSize: expected at least {multipart.MinimumPartSize} bytes for {destination.Location}, actual {_options.PartSize}.");
        }
    }

    /// <summary>
    /// The default manifest of replicating <paramref name="source"/> to <paramref name="destination"/>:
    /// <c>&lt;source's parent&gt;/replication/&lt;slug&gt;.json</c>, the slug being readable and unique per destination.
    /// </summary>
    public static string DefaultManifestPath(string source, Uri destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(source));
        var parent = Path.GetDirectoryName(full) ?? full;
        var text = destination.ToString();
        var readable = new StringBuilder();
        foreach (var c in text.Replace("://", "-", StringComparison.Ordinal))
        {
            readable.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }
        var slug = readable.ToString().Trim('-');
        if (slug.Length > 60)
        {
            slug = slug[^60..].Trim('-');
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
        return Path.Combine(parent, "replication", $"{slug}-{hash}.json");
    }

    /// <summary>
    /// Replicates every file below <paramref name="sourceFolder"/> (hidden files excepted). Throws for what stops the
    /// whole run (missing source or bucket, a manifest of another destination, cancellation — the manifest is saved
    /// first); per-file failures are in <see cref="ReplicationSummary.Failures"/>.
    /// </summary>
    public async Task<ReplicationSummary> RunAsync(string sourceFolder, IProgress<ReplicationProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceFolder);
        var source = Path.GetFullPath(sourceFolder);
        if (!Directory.Exists(source))
        {
            throw new ReplicationException(ReplicationErrorKind.SourceMissing, "The source folder does not exist.") { File = source };
        }
        await _destination.EnsureAvailableAsync(cancellationToken);
        var manifestPath = _options.ManifestPath ?? DefaultManifestPath(source, _destination.Location);
        var manifest = ReplicationManifest.Load(manifestPath, _destination.Location.ToString());
        var files = SourceFile.Enumerate(source);
        var run = new ReplicationRun(_destination, _options, manifest, files, progress, _logger, source);
        try
        {
            await run.AbortStaleUploadsAsync(cancellationToken);
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = _options.Concurrency, CancellationToken = cancellationToken },
                async (file, ct) => await run.ReplicateAsync(file, ct));
        }
        finally
        {
            manifest.Save();
        }
        var summary = run.Summary(source);
        _logger.LogInformation(
            "Replicated {Source} to {Destination}: {Uploaded} uploaded, {Skipped} already replicated, {Found} found at the destination, {Failed} failed; {Bytes} bytes in {Seconds:F1} s",
            source, _destination.Location, summary.FilesUploaded, summary.FilesSkipped, summary.FilesFoundAtDestination, summary.Failures.Count, summary.BytesUploaded, summary.Elapsed.TotalSeconds);
        return summary;
    }
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Replication;

/// <summary>The state of one <see cref="Replicator.RunAsync"/>: counters, budget, retries and the per-file decisions.</summary>
internal sealed partial class ReplicationRun
{
    private readonly IObjectStore _store;
    private readonly IMultipartObjectStore? _multipart;
    private readonly ReplicationOptions _options;
    private readonly ReplicationManifest _manifest;
    private readonly IReadOnlyList<SourceFile> _files;
    private readonly IProgress<ReplicationProgress>? _progress;
    private readonly ILogger _logger;
    private readonly ByteBudget _budget;
    private readonly RetryPolicy _retry;
    private readonly long _started;
    private readonly long _bytesTotal;
    private readonly ConcurrentQueue<ReplicationFailure> _failures = new();
    private readonly ConcurrentDictionary<string, PendingUpload> _leftOnServer = new();
    private readonly Lock _checkpointGate = new();
    private readonly RawZoneHashes _rawHashes;
    private long _lastCheckpoint;
    private int _filesDone, _uploaded, _skipped, _found, _retries, _staleAborted;
    private long _bytesDone, _bytesUploaded;

    public ReplicationRun(IObjectStore store, ReplicationOptions options, ReplicationManifest manifest, IReadOnlyList<SourceFile> files,
        IProgress<ReplicationProgress>? progress, ILogger logger, string sourceRoot)
    {
        _store = store;
        _multipart = store as IMultipartObjectStore;
        _options = options;
        _manifest = manifest;
        _files = files;
        _progress = progress;
        _logger = logger;
        _budget = new ByteBudget(options.MaxBytesInFlight);
        _retry = new RetryPolicy(options, OnRetry);
        _started = options.Time.GetTimestamp();
        _lastCheckpoint = _started;
        _bytesTotal = files.Sum(f => f.Size);
        _rawHashes = new RawZoneHashes(sourceRoot);
    }

    /// <summary>Decides what one file needs, does it, and records the outcome. Only cancellation escapes.</summary>
    public async Task ReplicateAsync(SourceFile file, CancellationToken cancellationToken)
    {
        try
        {
            var recorded = _manifest.Get(file.Path);
            if (recorded is not null && recorded.Size == file.Size && recorded.ModifiedTicks == file.ModifiedTicks)
            {
                Interlocked.Increment(ref _skipped);
                return;
            }
            var sha = await Sha256Async(file.FullPath, cancellationToken);
            if (!file.Mutable && _rawHashes.Recorded(file.Path) is { } raw && raw.Sha256 != sha)
            {
                throw new ReplicationException(ReplicationErrorKind.SourceChanged,
                    $"The raw file no longer has the bytes its raw-zone manifest ({raw.Manifest}) recorded: edited or corrupted after it was received; not replicated.")
                {
                    File = file.Path, Field = "sha256", Expected = raw.Sha256, Actual = sha,
                };
            }
            if (recorded is not null)
            {
                if (recorded.Sha256 == sha)
                {
                    _manifest.MarkDone(file.Path, recorded with { ModifiedTicks = file.ModifiedTicks });
                    Interlocked.Increment(ref _skipped);
                    return;
                }
                if (!file.Mutable)
                {
                    throw new ReplicationException(ReplicationErrorKind.SourceChanged,
                        "A write-once source file changed after it was replicated; the destination keeps the replicated bytes.")
                    {
                        File = file.Path, Field = "sha256", Expected = recorded.Sha256, Actual = sha,
                    };
                }
            }
            else
            {
                var existing = await _retry.ExecuteAsync($"HEAD {file.Path}", ct => _store.HeadAsync(file.Path, ct), cancellationToken);
                if (existing is not null && existing.Size == file.Size && existing.Sha256 == sha)
                {
                    Record(file, sha, "head");
                    Interlocked.Increment(ref _found);
                    return;
                }
                if (existing?.Sha256 is { } other && other != sha && !file.Mutable)
                {
                    throw new ReplicationException(ReplicationErrorKind.DestinationConflict,
                        "The destination holds different bytes under this write-once file's key; nothing was overwritten.")
                    {
                        File = file.Path, Field = "sha256", Expected = sha, Actual = other,
                    };
                }
            }
            await UploadVerifiedAsync(file, sha, cancellationToken);
            Interlocked.Increment(ref _uploaded);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is ObjectStoreException or ReplicationException or IOException or UnauthorizedAccessException)
        {
            var kind = e is ReplicationException r ? r.Kind : ReplicationErrorKind.UploadFailed;
            _failures.Enqueue(new ReplicationFailure(file.Path, kind, e.Message));
            _logger.LogError("Replicating {Path} failed: {Message}", file.Path, e.Message);
        }
        finally
        {
            if (!cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _filesDone);
                Interlocked.Add(ref _bytesDone, file.Size);
                Report(file.Path);
            }
        }
    }

    /// <summary>The summary so far.</summary>
    public ReplicationSummary Summary(string source) => new()
    {
        Source = source,
        Destination = _store.Location.ToString(),
        ManifestPath = _manifest.FilePath,
        FilesTotal = _files.Count,
        FilesUploaded = _uploaded,
        FilesSkipped = _skipped,
        FilesFoundAtDestination = _found,
        Failures = [.. _failures.OrderBy(f => f.Path, StringComparer.Ordinal)],
        BytesTotal = _bytesTotal,
        BytesUploaded = Interlocked.Read(ref _bytesUploaded),
        Retries = _retries,
        StaleUploadsAborted = _staleAborted,
        UploadsLeftOnServer = [.. _leftOnServer.Values.OrderBy(u => u.Key, StringComparer.Ordinal)],
        PeakBytesInFlight = _budget.Peak,
        Elapsed = _options.Time.GetElapsedTime(_started),
    };

    private void Record(SourceFile file, string sha, string verified)
    {
        _manifest.MarkDone(file.Path, new ReplicatedFile(file.Size, sha, file.ModifiedTicks, verified, _options.Time.GetUtcNow()));
        lock (_checkpointGate)
        {
            if (_options.Time.GetElapsedTime(_lastCheckpoint) >= _options.CheckpointInterval)
            {
                _manifest.Save();
                _lastCheckpoint = _options.Time.GetTimestamp();
            }
        }
    }

    private void AddUploaded(long bytes, string path)
    {
        Interlocked.Add(ref _bytesUploaded, bytes);
        Report(path);
    }

    private void Report(string? path) => _progress?.Report(new ReplicationProgress(
        Volatile.Read(ref _filesDone), _files.Count, Interlocked.Read(ref _bytesDone), _bytesTotal,
        Interlocked.Read(ref _bytesUploaded), Volatile.Read(ref _retries), _options.Time.GetElapsedTime(_started), path));

    private void OnRetry(string what, int attempt, Exception error)
    {
        Interlocked.Increment(ref _retries);
        _logger.LogWarning("{What}: attempt {Attempt} failed, retrying: {Message}", what, attempt, error.Message);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}

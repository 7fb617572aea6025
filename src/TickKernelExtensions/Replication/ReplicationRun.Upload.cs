using System.Buffers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Replication;

internal sealed partial class ReplicationRun
{
    /// <summary>Uploads, verifies and records a file; a failed verification uploads again, up to MaxAttempts.</summary>
    private async Task UploadVerifiedAsync(SourceFile file, string sha, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (_multipart is not null && file.Size >= _options.MultipartThreshold)
            {
                await MultipartAsync(_multipart, file, sha, cancellationToken);
            }
            else
            {
                await SingleAsync(file, sha, cancellationToken);
            }
            try
            {
                var verified = await VerifyAsync(file, sha, cancellationToken);
                Record(file, sha, verified);
                return;
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.IntegrityMismatch)
            {
                if (attempt >= _options.MaxAttempts)
                {
                    // Nothing unverified stays under the key to be mistaken for a replica later.
                    await _retry.ExecuteAsync($"DELETE {file.Path}", ct => _store.DeleteAsync(file.Path, ct), CancellationToken.None);
                    throw;
                }
                OnRetry($"Verifying {file.Path}", attempt, e);
            }
        }
    }

    private async Task SingleAsync(SourceFile file, string sha, CancellationToken cancellationToken)
    {
        var held = _budget.Clamp(file.Size);
        await _budget.AcquireAsync(held, cancellationToken);
        try
        {
            await _retry.ExecuteAsync($"PUT {file.Path}", async ct =>
            {
                await using var content = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
                return await _store.PutAsync(file.Path, content, new PutOptions { Sha256 = sha }, ct);
            }, cancellationToken);
            AddUploaded(file.Size, file.Path);
        }
        finally
        {
            _budget.Release(held);
        }
    }

    private async Task MultipartAsync(IMultipartObjectStore store, SourceFile file, string sha, CancellationToken cancellationToken)
    {
        var upload = await _retry.ExecuteAsync($"Starting the upload of {file.Path}", ct => store.StartMultipartAsync(file.Path, new PutOptions { Sha256 = sha }, ct), cancellationToken);
        _manifest.AddPending(new PendingUpload(file.Path, upload.UploadId, _options.Time.GetUtcNow()));
        _manifest.Save();
        try
        {
            var parts = await UploadPartsAsync(store, upload, file, cancellationToken);
            try
            {
                await _retry.ExecuteAsync($"Completing the upload of {file.Path}", ct => store.CompleteMultipartAsync(upload, parts, ct), cancellationToken);
            }
            catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.NotFound)
            {
                // A retried completion whose first try succeeded unseen: the verification decides.
                _logger.LogWarning("Completing {Path}: the upload is gone ({Message}); verifying the object", file.Path, e.Message);
            }
            _manifest.RemovePending(upload.UploadId);
        }
        catch (Exception)
        {
            await AbortAsync(store, new PendingUpload(file.Path, upload.UploadId, _options.Time.GetUtcNow()), stale: false);
            throw;
        }
    }

    private async Task<UploadedPart[]> UploadPartsAsync(IMultipartObjectStore store, MultipartUpload upload, SourceFile file, CancellationToken cancellationToken)
    {
        using var handle = File.OpenHandle(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new List<Task<UploadedPart>>();
        try
        {
            for (var (number, offset) = (1, 0L); offset < file.Size; number++, offset += _options.PartSize)
            {
                var length = (int)Math.Min(_options.PartSize, file.Size - offset);
                await _budget.AcquireAsync(length, failed.Token);
                var buffer = ArrayPool<byte>.Shared.Rent(length);
                try
                {
                    await ReadExactlyAsync(handle, buffer.AsMemory(0, length), offset, file.Path, failed.Token);
                }
                catch
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    _budget.Release(length);
                    throw;
                }
                tasks.Add(UploadPartAsync(store, upload, number, buffer, length, file.Path, failed));
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A part failed: its error, awaited below, is the one to report.
        }
        return await Task.WhenAll(tasks);
    }

    private async Task<UploadedPart> UploadPartAsync(IMultipartObjectStore store, MultipartUpload upload, int number, byte[] buffer, int length, string path, CancellationTokenSource failed)
    {
        try
        {
            var part = await _retry.ExecuteAsync($"Part {number} of {path}", ct => store.UploadPartAsync(upload, number, buffer.AsMemory(0, length), ct), failed.Token);
            AddUploaded(length, path);
            return part;
        }
        catch
        {
            await failed.CancelAsync();
            throw;
        }
        finally
        {
            _budget.Release(length);
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task ReadExactlyAsync(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Memory<byte> buffer, long offset, string path, CancellationToken cancellationToken)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var n = await RandomAccess.ReadAsync(handle, buffer[done..], offset + done, cancellationToken);
            if (n == 0)
            {
                throw new ReplicationException(ReplicationErrorKind.SourceChanged, "The source file became shorter while it was read.")
                {
                    File = path, Field = "size", Expected = $"at least {offset + buffer.Length} bytes", Actual = $"{offset + done} bytes",
                };
            }
            done += n;
        }
    }

    /// <summary>Checks the stored object: HEAD size and sha256 metadata, and for small objects the bytes read back.</summary>
    private async Task<string> VerifyAsync(SourceFile file, string sha, CancellationToken cancellationToken)
    {
        var head = await _retry.ExecuteAsync($"HEAD {file.Path}", ct => _store.HeadAsync(file.Path, ct), cancellationToken)
            ?? throw Mismatch(file, "existence", "the object", "nothing under the key after the upload");
        if (head.Size != file.Size)
        {
            throw Mismatch(file, "size", $"{file.Size} bytes", $"{head.Size} bytes");
        }
        if (head.Sha256 != sha)
        {
            throw Mismatch(file, "sha256 metadata", sha, head.Sha256 ?? "none");
        }
        if (file.Size > _options.ReadBackMaxBytes)
        {
            return "head";
        }
        var readBack = await _retry.ExecuteAsync($"GET {file.Path}", async ct =>
        {
            await using var stream = await _store.OpenReadAsync(file.Path, null, ct);
            return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
        }, cancellationToken);
        return readBack == sha ? "read-back" : throw Mismatch(file, "sha256 of the bytes read back", sha, readBack);
    }

    private ObjectStoreException Mismatch(SourceFile file, string field, string expected, string actual) =>
        new(ObjectStoreErrorKind.IntegrityMismatch, "The stored object does not match the source file.")
        {
            Bucket = _store.Location.ToString(), Key = file.Path, Field = field, Expected = expected, Actual = actual,
        };
}

using Microsoft.Extensions.Logging;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Replication;

internal sealed partial class ReplicationRun
{
    /// <summary>
    /// Aborts multipart uploads left open: those the manifest recorded (an earlier run that crashed or could not
    /// abort) and those the server lists for our files' keys. Servers without listing (s3rver) skip the second.
    /// </summary>
    public async Task AbortStaleUploadsAsync(CancellationToken cancellationToken)
    {
        if (_multipart is null)
        {
            return;
        }
        foreach (var pending in _manifest.PendingUploads)
        {
            await AbortAsync(_multipart, pending, stale: true);
        }
        var keys = _files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var listed = new List<MultipartUpload>();
        try
        {
            await foreach (var upload in _multipart.ListMultipartUploadsAsync("", cancellationToken))
            {
                if (keys.Contains(upload.Key))
                {
                    listed.Add(upload);
                }
            }
        }
        catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.NotSupported)
        {
            _logger.LogInformation("{Destination} cannot list multipart uploads ({Message}); only the manifest's are aborted", _store.Location, e.Message);
        }
        foreach (var upload in listed)
        {
            await AbortAsync(_multipart, new PendingUpload(upload.Key, upload.UploadId, upload.Initiated ?? _options.Time.GetUtcNow()), stale: true);
        }
        _manifest.Save();
    }

    /// <summary>Aborts an upload; one the server cannot abort stays recorded for the next run.</summary>
    private async Task AbortAsync(IMultipartObjectStore store, PendingUpload upload, bool stale)
    {
        try
        {
            await _retry.ExecuteAsync($"Aborting upload {upload.UploadId} of {upload.Key}",
                ct => store.AbortMultipartAsync(new MultipartUpload(upload.Key, upload.UploadId), ct), CancellationToken.None);
            _manifest.RemovePending(upload.UploadId);
            _leftOnServer.TryRemove(upload.UploadId, out _);
            if (stale)
            {
                Interlocked.Increment(ref _staleAborted);
            }
        }
        catch (ObjectStoreException e) when (e.Kind == ObjectStoreErrorKind.NotFound)
        {
            _manifest.RemovePending(upload.UploadId); // already completed or aborted
        }
        catch (ObjectStoreException e)
        {
            if (!_manifest.PendingUploads.Any(u => u.UploadId == upload.UploadId))
            {
                _manifest.AddPending(upload);
            }
            _leftOnServer[upload.UploadId] = upload;
            _logger.LogWarning("Could not abort multipart upload {UploadId} of {Key}; it stays recorded for the next run: {Message}", upload.UploadId, upload.Key, e.Message);
        }
    }
}

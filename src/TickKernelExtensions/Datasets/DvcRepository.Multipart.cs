using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Datasets;

public sealed partial class DvcRepository
{
    /// <summary>
    /// Sends a large cache object in parts, one after another (objects go in parallel, parts of one object do not, so
    /// memory stays at one part per object in flight). A failed upload is aborted, without the caller's cancellation
    /// token so that cancelling still aborts; the object appears on the remote only when the upload completes.
    /// </summary>
    private async Task<ObjectInfo> PutInPartsAsync(IMultipartObjectStore remote, string key, Stream content, string sha256, CancellationToken cancellationToken)
    {
        var partSize = (int)Math.Max(Options.PartSize, remote.MinimumPartSize);
        var upload = await remote.StartMultipartAsync(key, new PutOptions { Sha256 = sha256 }, cancellationToken);
        try
        {
            var parts = new List<UploadedPart>();
            var buffer = new byte[partSize];
            while (true)
            {
                var filled = 0;
                int read;
                while (filled < partSize && (read = await content.ReadAsync(buffer.AsMemory(filled), cancellationToken)) > 0)
                {
                    filled += read;
                }
                if (filled == 0 && parts.Count > 0)
                {
                    break;
                }
                parts.Add(await remote.UploadPartAsync(upload, parts.Count + 1, buffer.AsMemory(0, filled), cancellationToken));
                if (filled < partSize)
                {
                    break;
                }
            }
            return await remote.CompleteMultipartAsync(upload, parts, cancellationToken);
        }
        catch
        {
            try
            {
                await remote.AbortMultipartAsync(upload, CancellationToken.None);
            }
            catch (ObjectStoreException)
            {
                // s3rver cannot abort (405); the original failure is the one to report.
            }
            throw;
        }
    }
}

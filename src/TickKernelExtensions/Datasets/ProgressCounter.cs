namespace TickKernelExtensions.Datasets;

/// <summary>Thread-safe counters behind <see cref="DatasetProgress"/> reports.</summary>
internal sealed class ProgressCounter(string operation, int filesTotal, long bytesTotal, IProgress<DatasetProgress>? progress)
{
    private int _files;
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    public void AddBytes(long count, string? path)
    {
        var bytes = Interlocked.Add(ref _bytes, count);
        progress?.Report(new DatasetProgress(operation, Volatile.Read(ref _files), filesTotal, bytes, bytesTotal, path));
    }

    public void FileDone(string? path)
    {
        var files = Interlocked.Increment(ref _files);
        progress?.Report(new DatasetProgress(operation, files, filesTotal, Bytes, bytesTotal, path));
    }
}

using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// One partition file being written by a dataset transaction: a hidden temp file
/// (<c>.&lt;sourceId&gt;.parquet.tmp-&lt;transaction&gt;</c>) in the final directory, so the later rename
/// stays within one directory and is atomic. Rows arrive in time order, so the first and last rows
/// written are the file's min and max timestamps.
/// </summary>
internal sealed class PartitionFileWriter : IAsyncDisposable
{
    private readonly FileStream _stream;
    private readonly TickParquetWriter _writer;

    private PartitionFileWriter(string symbol, long day, string tempPath, string finalPath, FileStream stream, TickParquetWriter writer)
    {
        Symbol = symbol;
        Day = day;
        TempPath = tempPath;
        FinalPath = finalPath;
        _stream = stream;
        _writer = writer;
    }

    public string Symbol { get; }

    /// <summary>UTC day number (days since 1970-01-01).</summary>
    public long Day { get; }

    public string TempPath { get; }

    public string FinalPath { get; }

    public long Rows { get; private set; }

    public long MinTimestamp { get; private set; }

    public long MaxTimestamp { get; private set; }

    public static async Task<PartitionFileWriter> OpenAsync(
        string symbol, long day, string directory, string fileName, Guid transaction, TickParquetOptions options, CancellationToken cancellationToken)
    {
        var tempPath = Path.Combine(directory, $".{fileName}.tmp-{transaction:N}");
        var stream = new FileStream(tempPath, new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            // Row groups arrive as large chunks; a FileStream buffer would only add a copy.
            BufferSize = 0,
        });
        try
        {
            var writer = await TickParquetWriter.CreateAsync(stream, symbol, options, cancellationToken);
            return new PartitionFileWriter(symbol, day, tempPath, Path.Combine(directory, fileName), stream, writer);
        }
        catch
        {
            await stream.DisposeAsync();
            File.Delete(tempPath);
            throw;
        }
    }

    public async ValueTask WriteAsync(TickColumns batch, int start, int count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }
        if (Rows == 0)
        {
            MinTimestamp = batch.Timestamps[start];
        }
        MaxTimestamp = batch.Timestamps[start + count - 1];
        await _writer.WriteAsync(batch, start, count, cancellationToken);
        Rows += count;
    }

    /// <summary>Writes the footer, flushes the file to disk and closes it. Returns the file's size.</summary>
    public async Task<long> FinishAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _writer.CompleteAsync(cancellationToken);
            _stream.Flush(flushToDisk: true);
        }
        finally
        {
            await DisposeAsync();
        }
        return _writer.BytesWritten;
    }

    /// <summary>Closes the file without completing it; the temp file stays for the caller to delete.</summary>
    public async ValueTask DisposeAsync()
    {
        _writer.Dispose();
        await _stream.DisposeAsync();
    }
}

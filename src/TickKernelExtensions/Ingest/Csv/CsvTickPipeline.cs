using System.Threading.Channels;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Moves every tick of a <see cref="CsvTickReader"/> into a <see cref="TickDatasetWriter"/>, batch by batch, in
/// file order. With <see cref="CsvImportOptions.MaxDegreeOfParallelism"/> 1 the calling flow alternates
/// <see cref="CsvTickReader.ReadBatch"/> and <see cref="TickDatasetWriter.AppendAsync(string, TickColumns, CancellationToken)"/>
/// (the reference path). With more, a parse task fills batches while the caller's flow encodes and writes the
/// previous ones; parsing and Parquet encoding/compression then overlap, which is where an import spends its time:
/// <code>
/// parse task:  ReadBatch → [filled: up to Queued batches] → caller: AppendAsync → [free batches] → ReadBatch …
/// </code>
/// <see cref="BatchesInFlight"/> batches circulate, so memory stays at about
/// <c>BatchesInFlight × BatchSize × 32</c> bytes of columns (8 MiB at the default batch size) on top of the writer's
/// row groups. The writer sees the same batches in the same order on both paths, so the files are the same bytes.
/// An error on either side stops the other and is rethrown as it was thrown; nothing is committed here: the caller
/// commits only after this returns, and disposing the uncommitted writer removes whatever was staged.
/// </summary>
internal static class CsvTickPipeline
{
    /// <summary>Batches allocated for the overlapped path: one being parsed, one being written, the rest queued.</summary>
    internal const int BatchesInFlight = 4;

    /// <summary>Reads <paramref name="reader"/> to its end into <paramref name="writer"/> under <paramref name="reader"/>'s instrument symbol.</summary>
    public static Task CopyAsync(CsvTickReader reader, TickDatasetWriter writer, CsvImportOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        return options.MaxDegreeOfParallelism == 1
            ? CopySequentialAsync(reader, writer, options.BatchSize, cancellationToken)
            : CopyOverlappedAsync(reader, writer, options.BatchSize, cancellationToken);
    }

    private static async Task CopySequentialAsync(CsvTickReader reader, TickDatasetWriter writer, int batchSize, CancellationToken cancellationToken)
    {
        var symbol = reader.Instrument.Symbol;
        var batch = new TickColumns(batchSize);
        while (reader.ReadBatch(batch))
        {
            await writer.AppendAsync(symbol, batch, cancellationToken);
        }
    }

    private static async Task CopyOverlappedAsync(CsvTickReader reader, TickDatasetWriter writer, int batchSize, CancellationToken cancellationToken)
    {
        var symbol = reader.Instrument.Symbol;
        var filled = Channel.CreateBounded<TickColumns>(new BoundedChannelOptions(BatchesInFlight - 2)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        var free = Channel.CreateBounded<TickColumns>(new BoundedChannelOptions(BatchesInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
        for (var i = 0; i < BatchesInFlight; i++)
        {
            free.Writer.TryWrite(new TickColumns(batchSize));
        }
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var parse = Task.Run(() => ParseAsync(reader, free.Reader, filled.Writer, stop.Token), CancellationToken.None);
        try
        {
            // The channel completes without an error even when parsing failed: the error comes from awaiting the task.
            await foreach (var batch in filled.Reader.ReadAllAsync(cancellationToken))
            {
                await writer.AppendAsync(symbol, batch, cancellationToken);
                free.Writer.TryWrite(batch);
            }
        }
        catch
        {
            // Stop the parse task and wait for it, so the reader is no longer in use when the caller disposes it.
            await stop.CancelAsync();
            try
            {
                await parse;
            }
            catch (Exception)
            {
                // Cancelled on purpose, or failed meanwhile: the writer's error (or the caller's cancellation) is the one to report.
            }
            throw;
        }
        await parse;
    }

    private static async Task ParseAsync(CsvTickReader reader, ChannelReader<TickColumns> free, ChannelWriter<TickColumns> filled, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var batch = await free.ReadAsync(cancellationToken);
                if (!reader.ReadBatch(batch))
                {
                    return;
                }
                await filled.WriteAsync(batch, cancellationToken);
            }
        }
        finally
        {
            filled.TryComplete();
        }
    }
}

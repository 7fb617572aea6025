using System.Buffers.Binary;
using TickKernelExtensions.Columnar.Format;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Writes one Parquet file of one symbol's ticks from <see cref="TickColumns"/> batches, with the
/// schema of <see cref="TickParquetSchema"/> (Iceberg field ids, statistics on every column chunk).
/// Row groups are flushed every <see cref="TickParquetOptions.RowGroupSize"/> rows, so memory stays at
/// one page of raw values per column, one row group of compressed pages, and the previous row group
/// while it is being written (its write overlaps the encoding of the next one).
/// <see cref="CompleteAsync"/> writes the footer. NaN bids, asks and volumes are written as nulls.
/// Rows are written in the order given (the dataset writer is the one that enforces time order).
/// Output is a pure function of the symbol, the rows, the options (except
/// <see cref="TickParquetOptions.EncoderThreads"/>) and the library version: no clock or random id
/// goes into the file.
/// <para>
/// The caller owns <c>output</c>: it must be positioned at the start of the file (offsets in the footer
/// count from the first byte this writer writes), and it is neither flushed to disk nor disposed here.
/// Not thread safe. After an exception, the file is incomplete: dispose the writer and discard it.
/// </para>
/// </summary>
public sealed class TickParquetWriter : IAsyncDisposable, IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    /// <summary>Batches smaller than this are encoded on the caller's thread even with several encoder threads.</summary>
    private const int ParallelRows = 16_384;

    private readonly Stream _output;
    private readonly TickParquetOptions _options;
    private readonly PooledBuffer _rowGroupOut = new(1 << 16);
    private readonly SymbolColumnBuilder _symbol;
    private readonly TimestampColumnBuilder _ts;
    private readonly NullableFloatingColumnBuilder<double> _bid;
    private readonly NullableFloatingColumnBuilder<double> _ask;
    private readonly NullableFloatingColumnBuilder<float> _bidVolume;
    private readonly NullableFloatingColumnBuilder<float> _askVolume;
    private readonly ColumnChunkBuilder[] _columns;
    private readonly List<IDisposable> _owned = [];
    private readonly List<RowGroup> _rowGroups = [];
    private readonly ParallelOptions _parallel;
    private int _rowsInGroup;
    private Task _pendingWrite = Task.CompletedTask;
    private bool _completed;
    private bool _disposed;

    private TickParquetWriter(Stream output, string symbol, TickParquetOptions options)
    {
        _output = output;
        _options = options;
        Symbol = symbol;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EncoderThreads };
        var longRows = Math.Max(1, options.PageSizeBytes / sizeof(long));
        var floatRows = Math.Max(1, options.PageSizeBytes / sizeof(float));
        // Each column has its own codec and scratch buffers, so columns can be encoded in parallel.
        _symbol = new SymbolColumnBuilder(TickParquetSchema.Symbol, symbol, longRows, Own(PageCodec.Create(options)), Own(new PooledBuffer()));
        _ts = new TimestampColumnBuilder(TickParquetSchema.Timestamp, longRows, Own(PageCodec.Create(options)), Own(new PooledBuffer()));
        _bid = Floating<double>(TickParquetSchema.Bid, PhysicalType.Double, longRows);
        _ask = Floating<double>(TickParquetSchema.Ask, PhysicalType.Double, longRows);
        _bidVolume = Floating<float>(TickParquetSchema.BidVolume, PhysicalType.Float, floatRows);
        _askVolume = Floating<float>(TickParquetSchema.AskVolume, PhysicalType.Float, floatRows);
        _columns = [_symbol, _ts, _bid, _ask, _bidVolume, _askVolume];
    }

    /// <summary>The <c>created_by</c> of every file: application and library version (no build hash, so rebuilds write the same bytes).</summary>
    public static string CreatedBy { get; } =
        $"TickKernelExtensions version {typeof(TickParquetWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    /// <summary>The symbol of every row of the file.</summary>
    public string Symbol { get; }

    /// <summary>Rows accepted so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>
    /// Bytes handed to the output so far (the last row group's write may still be in flight until the
    /// next flush, <see cref="CompleteAsync"/> or dispose); after <see cref="CompleteAsync"/>, the file size.
    /// </summary>
    public long BytesWritten { get; private set; }

    /// <summary>Row groups written so far.</summary>
    public int RowGroupCount => _rowGroups.Count;

    /// <summary>Starts a file: validates the options and writes the leading magic bytes.</summary>
    public static async Task<TickParquetWriter> CreateAsync(
        Stream output, string symbol, TickParquetOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        if (!output.CanWrite)
        {
            throw new ArgumentException("The output stream is not writable.", nameof(output));
        }
        if (!BitConverter.IsLittleEndian)
        {
            // PLAIN values are the in-memory bytes of the columns, which is only right on little-endian machines.
            throw new PlatformNotSupportedException("TickParquetWriter needs a little-endian machine.");
        }
        options ??= TickParquetOptions.Default;
        options.Validate();
        var writer = new TickParquetWriter(output, symbol, options);
        try
        {
            await writer.WriteRawAsync(Magic, cancellationToken);
        }
        catch
        {
            writer.Dispose();
            throw;
        }
        return writer;
    }

    /// <summary>Writes every row of <paramref name="batch"/>.</summary>
    public ValueTask WriteAsync(TickColumns batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return WriteAsync(batch, 0, batch.Count, cancellationToken);
    }

    /// <summary>Writes rows <c>[start, start + count)</c> of <paramref name="batch"/>; flushes each full row group to the output.</summary>
    public async ValueTask WriteAsync(TickColumns batch, int start, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, batch.Count - count, nameof(start));
        ThrowIfClosed();
        while (count > 0)
        {
            var n = Math.Min(count, _options.RowGroupSize - _rowsInGroup);
            Append(batch, start, n);
            start += n;
            count -= n;
            if (_rowsInGroup == _options.RowGroupSize)
            {
                await FlushRowGroupAsync(cancellationToken);
            }
        }
    }

    /// <summary>Flushes the last row group and writes the footer. The file is complete once this returns.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfClosed();
        if (_rowsInGroup > 0)
        {
            await FlushRowGroupAsync(cancellationToken);
        }
        await _pendingWrite;
        using var footer = new PooledBuffer(4096);
        var metadata = new FileMetaData(
            TickParquetSchema.Elements,
            RowCount,
            _rowGroups,
            [new KeyValue(TickParquetSchema.IcebergSchemaKey, TickParquetSchema.IcebergSchemaJson)],
            CreatedBy);
        metadata.Write(new ThriftCompactWriter(footer));
        var length = footer.Length;
        BinaryPrimitives.WriteInt32LittleEndian(footer.GetSpan(4), length);
        footer.Advance(4);
        footer.Write(Magic);
        await WriteRawAsync(footer.WrittenMemory, cancellationToken);
        await _output.FlushAsync(cancellationToken);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        await WaitForPendingWriteAsync();
        Dispose();
    }

    /// <summary>
    /// Returns the pooled buffers, after waiting for a row group write still in flight (its buffer is
    /// pooled too). Does not complete the file nor dispose the output.
    /// </summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        WaitForPendingWriteAsync().AsTask().GetAwaiter().GetResult();
        _disposed = true;
        foreach (var column in _columns)
        {
            column.Dispose();
        }
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
        _rowGroupOut.Dispose();
    }

    private void Append(TickColumns batch, int start, int count)
    {
        if (_options.EncoderThreads > 1 && count >= ParallelRows)
        {
            Parallel.For(0, 5, _parallel, column => AppendColumn(column, batch, start, count));
        }
        else
        {
            for (var column = 0; column < 5; column++)
            {
                AppendColumn(column, batch, start, count);
            }
        }
        _rowsInGroup += count;
        RowCount += count;
    }

    private void AppendColumn(int column, TickColumns batch, int start, int count)
    {
        switch (column)
        {
            case 0: _ts.Append(batch.Timestamps.Slice(start, count)); break;
            case 1: _bid.Append(batch.Bids.Slice(start, count)); break;
            case 2: _ask.Append(batch.Asks.Slice(start, count)); break;
            case 3: _bidVolume.Append(batch.BidVolumes.Slice(start, count)); break;
            default: _askVolume.Append(batch.AskVolumes.Slice(start, count)); break;
        }
    }

    private NullableFloatingColumnBuilder<T> Floating<T>(string name, PhysicalType type, int pageRows)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(name, type, pageRows, Own(PageCodec.Create(_options)), Own(new PooledBuffer()), Own(new PooledBuffer()));

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Add(disposable);
        return disposable;
    }

    /// <summary>
    /// Encodes the row group's last pages, copies its column chunks into one buffer and starts writing
    /// it; the write completes in the background while the next row group is encoded, and is awaited
    /// before the buffer is reused (next flush, footer or dispose).
    /// </summary>
    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        await _pendingWrite;
        var rows = _rowsInGroup;
        var chunks = new ColumnChunk[_columns.Length];
        var start = BytesWritten;
        long uncompressed = 0;
        _rowGroupOut.Clear();
        if (_options.EncoderThreads > 1 && rows >= ParallelRows)
        {
            Parallel.ForEach(_columns, _parallel, column => column.FinishRowGroup(rows));
        }
        else
        {
            foreach (var column in _columns)
            {
                column.FinishRowGroup(rows);
            }
        }
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            chunks[i] = column.Describe(start + _rowGroupOut.Length);
            uncompressed += column.UncompressedSize;
            _rowGroupOut.Write(column.ChunkBytes.Span);
            column.Reset();
        }
        _rowGroups.Add(new RowGroup(chunks, uncompressed, rows)
        {
            FileOffset = start,
            TotalCompressedSize = _rowGroupOut.Length,
            // The ordinal is an i16: files with more row groups leave it unset.
            Ordinal = _rowGroups.Count <= short.MaxValue ? (short)_rowGroups.Count : null,
        });
        _rowsInGroup = 0;
        BytesWritten += _rowGroupOut.Length;
        _pendingWrite = _output.WriteAsync(_rowGroupOut.WrittenMemory, cancellationToken).AsTask();
    }

    private async ValueTask WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _output.WriteAsync(bytes, cancellationToken);
        BytesWritten += bytes.Length;
    }

    /// <summary>Waits for a row group write in flight during disposal; its failure was already, or will never be, the caller's concern.</summary>
    private async ValueTask WaitForPendingWriteAsync()
    {
        var pending = _pendingWrite;
        _pendingWrite = Task.CompletedTask;
        try
        {
            await pending;
        }
        catch (Exception) when (!_completed)
        {
            // Disposing an incomplete file means it is being abandoned (usually because of an
            // earlier error, which must not be replaced by this one); the buffers still go back.
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_completed)
        {
            throw new InvalidOperationException($"The Parquet file of {Symbol} is already complete.");
        }
    }
}

using System.Buffers.Binary;
using TickKernelExtensions.Columnar.Format;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Writes one Parquet file of one symbol's ticks from <see cref="TickColumns"/> batches, with the
/// schema of <see cref="TickParquetSchema"/> (Iceberg field ids, statistics on every column chunk).
/// Row groups are flushed every <see cref="TickParquetOptions.RowGroupSize"/> rows, so memory stays at
/// one row group of compressed pages; <see cref="CompleteAsync"/> writes the footer. NaN bids, asks
/// and volumes are written as nulls. Rows are written in the order given (the dataset writer is the
/// one that enforces time order). Output is a pure function of the symbol, the rows, the options and
/// the library version: no clock or random id goes into the file.
/// <para>
/// The caller owns <c>output</c>: it must be positioned at the start of the file (offsets in the footer
/// count from the first byte this writer writes), and it is neither flushed to disk nor disposed here.
/// Not thread safe. After an exception, the file is incomplete: dispose the writer and discard it.
/// </para>
/// </summary>
public sealed class TickParquetWriter : IAsyncDisposable, IDisposable
{
    private static readonly byte[] Magic = "PAR1"u8.ToArray();

    private readonly Stream _output;
    private readonly TickParquetOptions _options;
    private readonly PageCodec _codec;
    private readonly PooledBuffer _compressedScratch = new(1 << 16);
    private readonly PooledBuffer _assemblyScratch = new(1 << 16);
    private readonly SymbolColumnBuilder _symbol;
    private readonly TimestampColumnBuilder _ts;
    private readonly NullableFloatingColumnBuilder<double> _bid;
    private readonly NullableFloatingColumnBuilder<double> _ask;
    private readonly NullableFloatingColumnBuilder<float> _bidVolume;
    private readonly NullableFloatingColumnBuilder<float> _askVolume;
    private readonly ColumnChunkBuilder[] _columns;
    private readonly List<RowGroup> _rowGroups = [];
    private int _rowsInGroup;
    private bool _completed;
    private bool _disposed;

    private TickParquetWriter(Stream output, string symbol, TickParquetOptions options)
    {
        _output = output;
        _options = options;
        Symbol = symbol;
        _codec = PageCodec.Create(options);
        var longRows = Math.Max(1, options.PageSizeBytes / sizeof(long));
        var floatRows = Math.Max(1, options.PageSizeBytes / sizeof(float));
        _symbol = new SymbolColumnBuilder(TickParquetSchema.Symbol, symbol, longRows, _codec, _compressedScratch);
        _ts = new TimestampColumnBuilder(TickParquetSchema.Timestamp, longRows, _codec, _compressedScratch);
        _bid = new(TickParquetSchema.Bid, PhysicalType.Double, longRows, _codec, _compressedScratch, _assemblyScratch);
        _ask = new(TickParquetSchema.Ask, PhysicalType.Double, longRows, _codec, _compressedScratch, _assemblyScratch);
        _bidVolume = new(TickParquetSchema.BidVolume, PhysicalType.Float, floatRows, _codec, _compressedScratch, _assemblyScratch);
        _askVolume = new(TickParquetSchema.AskVolume, PhysicalType.Float, floatRows, _codec, _compressedScratch, _assemblyScratch);
        _columns = [_symbol, _ts, _bid, _ask, _bidVolume, _askVolume];
    }

    /// <summary>The <c>created_by</c> of every file: application and library version (no build hash, so rebuilds write the same bytes).</summary>
    public static string CreatedBy { get; } =
        $"TickKernelExtensions version {typeof(TickParquetWriter).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    /// <summary>The symbol of every row of the file.</summary>
    public string Symbol { get; }

    /// <summary>Rows accepted so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>Bytes written to the output so far; after <see cref="CompleteAsync"/>, the file size.</summary>
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

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Returns the pooled buffers. Does not complete the file nor dispose the output.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var column in _columns)
        {
            column.Dispose();
        }
        _compressedScratch.Dispose();
        _assemblyScratch.Dispose();
        _codec.Dispose();
    }

    private void Append(TickColumns batch, int start, int count)
    {
        _ts.Append(batch.Timestamps.Slice(start, count));
        _bid.Append(batch.Bids.Slice(start, count));
        _ask.Append(batch.Asks.Slice(start, count));
        _bidVolume.Append(batch.BidVolumes.Slice(start, count));
        _askVolume.Append(batch.AskVolumes.Slice(start, count));
        _rowsInGroup += count;
        RowCount += count;
    }

    private async ValueTask FlushRowGroupAsync(CancellationToken cancellationToken)
    {
        var rows = _rowsInGroup;
        var chunks = new ColumnChunk[_columns.Length];
        var start = BytesWritten;
        long uncompressed = 0;
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            column.FinishRowGroup(rows);
            chunks[i] = column.Describe(BytesWritten);
            uncompressed += column.UncompressedSize;
            await WriteRawAsync(column.ChunkBytes, cancellationToken);
            column.Reset();
        }
        _rowGroups.Add(new RowGroup(chunks, uncompressed, rows)
        {
            FileOffset = start,
            TotalCompressedSize = BytesWritten - start,
            // The ordinal is an i16: files with more row groups leave it unset.
            Ordinal = _rowGroups.Count <= short.MaxValue ? (short)_rowGroups.Count : null,
        });
        _rowsInGroup = 0;
    }

    private async ValueTask WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        await _output.WriteAsync(bytes, cancellationToken);
        BytesWritten += bytes.Length;
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

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Builds one column chunk of the current row group in memory: page headers and (compressed) page
/// bodies back to back, as they will sit in the file. The writer copies <see cref="ChunkBytes"/> to
/// the output when the row group is full, then calls <see cref="Reset"/>; the buffers are reused by
/// the next row group, so memory stays at one row group of compressed pages per column.
/// </summary>
internal abstract class ColumnChunkBuilder : IDisposable
{
    private readonly PageCodec _codec;
    private readonly PooledBuffer _compressed;
    private readonly PooledBuffer _chunk = new(64 * 1024);
    private long _dictionaryPageBytes;

    protected ColumnChunkBuilder(string name, PhysicalType type, PageCodec codec, PooledBuffer compressedScratch)
    {
        Name = name;
        Type = type;
        _codec = codec;
        _compressed = compressedScratch;
    }

    public string Name { get; }

    public PhysicalType Type { get; }

    /// <summary>The encoded chunk: headers and page bodies.</summary>
    public ReadOnlyMemory<byte> ChunkBytes => _chunk.WrittenMemory;

    /// <summary>Values in the chunk, nulls included.</summary>
    protected long NumValues { get; set; }

    protected int DataPages { get; private set; }

    protected bool HasDictionary => _dictionaryPageBytes > 0;

    private long TotalUncompressed { get; set; }

    private long TotalCompressed { get; set; }

    /// <summary>Encodes whatever is still pending for a row group of <paramref name="rows"/> rows.</summary>
    public abstract void FinishRowGroup(int rows);

    /// <summary>The footer entry of this chunk once it sits at <paramref name="chunkOffset"/> in the file.</summary>
    public ColumnChunk Describe(long chunkOffset) => new(chunkOffset, new ColumnMetaData
    {
        Type = Type,
        Encodings = HasDictionary
            ? [ParquetEncoding.Plain, ParquetEncoding.Rle, ParquetEncoding.RleDictionary]
            : [ParquetEncoding.Plain, ParquetEncoding.Rle],
        PathInSchema = Name,
        Codec = _codec.Codec,
        NumValues = NumValues,
        TotalUncompressedSize = TotalUncompressed,
        TotalCompressedSize = TotalCompressed,
        DataPageOffset = chunkOffset + _dictionaryPageBytes,
        DictionaryPageOffset = HasDictionary ? chunkOffset : null,
        Statistics = ChunkStatistics(),
        EncodingStats = HasDictionary
            ? [new(PageType.DictionaryPage, ParquetEncoding.Plain, 1), new(PageType.DataPage, ParquetEncoding.RleDictionary, DataPages)]
            : [new(PageType.DataPage, ParquetEncoding.Plain, DataPages)],
    });

    /// <summary>Uncompressed bytes of the chunk, page headers included.</summary>
    public long UncompressedSize => TotalUncompressed;

    /// <summary>Clears the chunk for the next row group, keeping the buffers.</summary>
    public virtual void Reset()
    {
        _chunk.Clear();
        _dictionaryPageBytes = 0;
        NumValues = 0;
        DataPages = 0;
        TotalUncompressed = 0;
        TotalCompressed = 0;
    }

    public virtual void Dispose() => _chunk.Dispose();

    protected abstract Statistics ChunkStatistics();

    /// <summary>Compresses <paramref name="body"/> and appends it to the chunk after its header.</summary>
    protected void AppendPage(PageHeader header, ReadOnlySpan<byte> body)
    {
        ReadOnlySpan<byte> stored = body;
        if (_codec.Codec != CompressionCodec.Uncompressed)
        {
            _compressed.Clear();
            var target = _compressed.GetSpan(_codec.MaxCompressedLength(body.Length));
            stored = target[.._codec.Compress(body, target)];
        }
        var start = _chunk.Length;
        (header with { UncompressedPageSize = body.Length, CompressedPageSize = stored.Length }).Write(new ThriftCompactWriter(_chunk));
        var headerLength = _chunk.Length - start;
        _chunk.Write(stored);
        TotalUncompressed += headerLength + body.Length;
        TotalCompressed += headerLength + stored.Length;
        if (header.Type == PageType.DictionaryPage)
        {
            _dictionaryPageBytes = headerLength + stored.Length;
        }
        else
        {
            DataPages++;
        }
    }
}

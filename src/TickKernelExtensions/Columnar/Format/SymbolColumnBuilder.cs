using System.Buffers.Binary;
using System.Text;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// The required, dictionary-encoded symbol column: a file holds one symbol, so each row group's chunk
/// is a one-entry dictionary page (PLAIN: 4-byte length, UTF-8 bytes) followed by data pages of
/// RLE_DICTIONARY indices that are all zero: a bit-width byte (1) and a single RLE run. Data pages
/// split at the same row counts as the timestamp pages.
/// </summary>
internal sealed class SymbolColumnBuilder : ColumnChunkBuilder
{
    private readonly byte[] _utf8;
    private readonly byte[] _dictionaryPage;
    private readonly int _pageRows;

    public SymbolColumnBuilder(string name, string symbol, int pageRows, PageCodec codec, PooledBuffer compressedScratch)
        : base(name, PhysicalType.ByteArray, codec, compressedScratch)
    {
        _utf8 = Encoding.UTF8.GetBytes(symbol);
        _dictionaryPage = new byte[4 + _utf8.Length];
        BinaryPrimitives.WriteInt32LittleEndian(_dictionaryPage, _utf8.Length);
        _utf8.CopyTo(_dictionaryPage, 4);
        _pageRows = pageRows;
    }

    public override void FinishRowGroup(int rows)
    {
        AppendPage(new PageHeader(PageType.DictionaryPage, 0, 0, 1) { Encoding = ParquetEncoding.Plain }, _dictionaryPage);
        Span<byte> indices = stackalloc byte[8];
        var stats = new Statistics { NullCount = 0, MinValue = _utf8, MaxValue = _utf8 };
        for (var done = 0; done < rows; done += _pageRows)
        {
            var count = Math.Min(_pageRows, rows - done);
            indices[0] = 1;
            var length = 1 + RleBitPackedHybrid.WriteRun(indices[1..], count, 0);
            AppendPage(new PageHeader(PageType.DataPage, 0, 0, count) { Encoding = ParquetEncoding.RleDictionary, Statistics = stats }, indices[..length]);
        }
        NumValues = rows;
    }

    protected override Statistics ChunkStatistics() =>
        // One distinct value: byte order and the legacy signed order agree, so legacy min/max are exact.
        new() { Min = _utf8, Max = _utf8, MinValue = _utf8, MaxValue = _utf8, NullCount = 0, IsMinValueExact = true, IsMaxValueExact = true };
}

using ZstdSharp;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Compresses whole page bodies (levels and values of a v1 data page, or a dictionary page) for one
/// codec. One instance per writer: the zstd compressor keeps a context. Not thread safe.
/// </summary>
internal abstract class PageCodec : IDisposable
{
    public abstract CompressionCodec Codec { get; }

    public abstract int MaxCompressedLength(int length);

    /// <summary>Compresses <paramref name="source"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public abstract int Compress(ReadOnlySpan<byte> source, Span<byte> destination);

    public virtual void Dispose()
    {
    }

    public static PageCodec Create(TickParquetOptions options) => options.Compression switch
    {
        TickParquetCompression.Uncompressed => new Uncompressed(),
        TickParquetCompression.Snappy => new Snappy(),
        TickParquetCompression.Zstd => new Zstd(options.ZstdLevel),
        _ => throw new ArgumentOutOfRangeException(nameof(options), options.Compression, "Unknown compression."),
    };

    private sealed class Uncompressed : PageCodec
    {
        public override CompressionCodec Codec => CompressionCodec.Uncompressed;

        public override int MaxCompressedLength(int length) => length;

        public override int Compress(ReadOnlySpan<byte> source, Span<byte> destination)
        {
            source.CopyTo(destination);
            return source.Length;
        }
    }

    private sealed class Snappy : PageCodec
    {
        public override CompressionCodec Codec => CompressionCodec.Snappy;

        public override int MaxCompressedLength(int length) => Snappier.Snappy.GetMaxCompressedLength(length);

        public override int Compress(ReadOnlySpan<byte> source, Span<byte> destination) =>
            Snappier.Snappy.Compress(source, destination);
    }

    private sealed class Zstd(int level) : PageCodec
    {
        private readonly Compressor _compressor = new(level);

        public override CompressionCodec Codec => CompressionCodec.Zstd;

        public override int MaxCompressedLength(int length) => Compressor.GetCompressBound(length);

        public override int Compress(ReadOnlySpan<byte> source, Span<byte> destination) =>
            _compressor.Wrap(source, destination);

        public override void Dispose() => _compressor.Dispose();
    }
}

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// A read-only stream over pinned bytes that throws <see cref="EndOfStreamException"/> when asked for a byte past
/// its end. SharpCompress's range decoder silently reads 0xFF past the end of its input, so without this a
/// truncated file would decode to garbage (or fail later as "corrupt"); with it we can report
/// <see cref="Market.MarketDataErrorKind.Truncated"/>. The caller keeps the memory pinned while the stream lives.
/// </summary>
internal sealed unsafe class StrictInputStream : UnmanagedMemoryStream
{
    public StrictInputStream(byte* pointer, long length)
        : base(pointer, length)
    {
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count)
    {
        ThrowIfAtEnd(count);
        return base.Read(buffer, offset, count);
    }

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        ThrowIfAtEnd(buffer.Length);
        return base.Read(buffer);
    }

    /// <inheritdoc />
    public override int ReadByte()
    {
        ThrowIfAtEnd(1);
        return base.ReadByte();
    }

    private void ThrowIfAtEnd(int count)
    {
        if (count > 0 && Position >= Length)
        {
            throw new EndOfStreamException($"The LZMA decoder needed more than the {Length} compressed bytes present.");
        }
    }
}

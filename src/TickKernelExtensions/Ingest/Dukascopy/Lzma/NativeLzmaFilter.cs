using System.Runtime.InteropServices;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary><c>lzma_filter</c> from liblzma's <c>lzma/filter.h</c>: a filter id and its options (16 bytes).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeLzmaFilter
{
    /// <summary><c>LZMA_FILTER_LZMA1EXT</c> (liblzma 5.4+): raw LZMA1 whose end marker is optional.</summary>
    public const ulong Lzma1Ext = 0x4000000000000002;

    /// <summary><c>LZMA_VLI_UNKNOWN</c>: terminates a filter chain.</summary>
    public const ulong Terminator = ulong.MaxValue;

    public ulong Id;
    public void* Options;
}

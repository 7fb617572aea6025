using System.Runtime.InteropServices;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// <c>lzma_options_lzma</c> from liblzma's <c>lzma/lzma12.h</c>, field for field, for 64-bit processes
/// (4 bytes of padding after <c>dict_size</c>; 112 bytes in all). Filled by <c>lzma_lzma_preset</c>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeLzmaOptions
{
    /// <summary>The size liblzma expects on x86_64 and arm64.</summary>
    public const int ExpectedSize = 112;

    public uint DictSize;
    public byte* PresetDict;
    public uint PresetDictSize;
    public uint Lc;
    public uint Lp;
    public uint Pb;
    public int Mode;
    public uint NiceLen;
    public int MatchFinder;
    public uint Depth;
    public uint ExtFlags;
    public uint ExtSizeLow;
    public uint ExtSizeHigh;
    public uint ReservedInt4;
    public uint ReservedInt5;
    public uint ReservedInt6;
    public uint ReservedInt7;
    public uint ReservedInt8;
    public int ReservedEnum1;
    public int ReservedEnum2;
    public int ReservedEnum3;
    public int ReservedEnum4;
    public void* ReservedPtr1;
    public void* ReservedPtr2;
}

using System.Runtime.InteropServices;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// <c>lzma_stream</c> from liblzma's <c>lzma/base.h</c>, field for field, for 64-bit (LP64) processes.
/// <code>
///   0 next_in   8 avail_in   16 total_in   24 next_out   32 avail_out   40 total_out
///  48 allocator 56 internal  64..95 reserved_ptr1..4      96 seek_pos (5.4: was reserved_int1)
/// 104 reserved_int2 112 reserved_int3 120 reserved_int4   128 reserved_enum1 132 reserved_enum2   = 136 bytes
/// </code>
/// liblzma requires the reserved fields to be zero (LZMA_STREAM_INIT), so instances are allocated zeroed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct NativeLzmaStream
{
    /// <summary>The size liblzma expects on x86_64 and arm64.</summary>
    public const int ExpectedSize = 136;

    public byte* NextIn;
    public nuint AvailIn;
    public ulong TotalIn;
    public byte* NextOut;
    public nuint AvailOut;
    public ulong TotalOut;
    public void* Allocator;
    public void* Internal;
    public void* ReservedPtr1;
    public void* ReservedPtr2;
    public void* ReservedPtr3;
    public void* ReservedPtr4;
    public ulong SeekPos;
    public ulong ReservedInt2;
    public nuint ReservedInt3;
    public nuint ReservedInt4;
    public int ReservedEnum1;
    public int ReservedEnum2;
}

using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using TickKernelExtensions.Ingest.Dukascopy.Lzma;

namespace TickKernelExtensions.Tests.Ingest.Dukascopy.Lzma;

/// <summary>The P/Invoke structs must match liblzma's headers byte for byte (x86_64 / arm64 offsets).</summary>
public sealed class NativeLzmaLayoutTests
{
    [Fact]
    public void NativeLzmaStream_MatchesBaseHOffsets()
    {
        Assert.Equal(NativeLzmaStream.ExpectedSize, Unsafe.SizeOf<NativeLzmaStream>());
        (string Field, int Offset)[] expected =
        [
            ("NextIn", 0), ("AvailIn", 8), ("TotalIn", 16), ("NextOut", 24), ("AvailOut", 32), ("TotalOut", 40),
            ("Allocator", 48), ("Internal", 56), ("ReservedPtr1", 64), ("ReservedPtr4", 88), ("SeekPos", 96),
            ("ReservedInt2", 104), ("ReservedInt3", 112), ("ReservedInt4", 120), ("ReservedEnum1", 128), ("ReservedEnum2", 132),
        ];
        foreach (var (field, offset) in expected)
        {
            Assert.Equal(offset, (int)Marshal.OffsetOf<NativeLzmaStream>(field));
        }
    }

    [Fact]
    public void NativeLzmaOptions_MatchesLzma12HOffsets()
    {
        Assert.Equal(NativeLzmaOptions.ExpectedSize, Unsafe.SizeOf<NativeLzmaOptions>());
        (string Field, int Offset)[] expected =
        [
            ("DictSize", 0), ("PresetDict", 8), ("PresetDictSize", 16), ("Lc", 20), ("Lp", 24), ("Pb", 28), ("Mode", 32),
            ("NiceLen", 36), ("MatchFinder", 40), ("Depth", 44), ("ExtFlags", 48), ("ExtSizeLow", 52), ("ExtSizeHigh", 56),
            ("ReservedInt4", 60), ("ReservedInt8", 76), ("ReservedEnum1", 80), ("ReservedEnum4", 92), ("ReservedPtr1", 96), ("ReservedPtr2", 104),
        ];
        foreach (var (field, offset) in expected)
        {
            Assert.Equal(offset, (int)Marshal.OffsetOf<NativeLzmaOptions>(field));
        }
    }

    [Fact]
    public void NativeLzmaFilter_IsIdThenPointer() => Assert.Equal(16, Unsafe.SizeOf<NativeLzmaFilter>());

    [Fact]
    public void DukascopyOptions_FromDefaultPreset_HasDukascopyParameters()
    {
        LzmaBackends.Use(LzmaBackends.Native);
        var options = NativeLzmaCodec.DukascopyOptions();
        Assert.Equal(4u << 20, options.DictSize);
        Assert.Equal((3u, 0u, 2u), (options.Lc, options.Lp, options.Pb));
        Assert.Equal(0u, options.ExtFlags);
        Assert.True(options.NiceLen > 0);
    }
}

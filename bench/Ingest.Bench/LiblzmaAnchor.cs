using System.Runtime.InteropServices;

namespace Ingest.Bench;

/// <summary>
/// The anchor of the bi5 benchmark: liblzma's own .lzma decoder called directly through a plain DllImport, written
/// here independently of the library's binding. One instance per thread; its <c>lzma_stream</c> lives in a pinned
/// array and is re-initialised per file, which lets liblzma reuse its dictionary (the fastest way to call it).
/// </summary>
internal sealed class LiblzmaAnchor : IDisposable
{
    private const string Library = "liblzma.so.5";
    private const int LzmaOk = 0;
    private const int LzmaStreamEnd = 1;
    private const int LzmaFinish = 3;

    private readonly LzmaStream[] _stream = GC.AllocateArray<LzmaStream>(1, pinned: true);

    /// <summary>Decompresses a whole .lzma file (pinned array) into <paramref name="output"/> (pinned); returns the byte count.</summary>
    public int Decompress(byte[] input, byte[] output)
    {
        ref var s = ref _stream[0];
        var ret = lzma_alone_decoder(ref s, ulong.MaxValue);
        if (ret != LzmaOk)
        {
            throw new InvalidOperationException($"lzma_alone_decoder returned {ret}.");
        }
        s.NextIn = Marshal.UnsafeAddrOfPinnedArrayElement(input, 0);
        s.AvailIn = (nuint)input.Length;
        s.NextOut = Marshal.UnsafeAddrOfPinnedArrayElement(output, 0);
        s.AvailOut = (nuint)output.Length;
        do
        {
            ret = lzma_code(ref s, LzmaFinish);
        }
        while (ret == LzmaOk);
        if (ret != LzmaStreamEnd)
        {
            throw new InvalidOperationException($"lzma_code returned {ret}.");
        }
        return output.Length - (int)s.AvailOut;
    }

    /// <inheritdoc />
    public void Dispose() => lzma_end(ref _stream[0]);

    [DllImport(Library)]
    private static extern int lzma_alone_decoder(ref LzmaStream stream, ulong memoryLimit);

    [DllImport(Library)]
    private static extern int lzma_code(ref LzmaStream stream, int action);

    [DllImport(Library)]
    private static extern void lzma_end(ref LzmaStream stream);

    /// <summary><c>lzma_stream</c> (lzma/base.h, LP64): 136 bytes, reserved fields zero.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct LzmaStream
    {
        public IntPtr NextIn;
        public nuint AvailIn;
        public ulong TotalIn;
        public IntPtr NextOut;
        public nuint AvailOut;
        public ulong TotalOut;
        public IntPtr Allocator;
        public IntPtr Internal;
        public IntPtr ReservedPtr1;
        public IntPtr ReservedPtr2;
        public IntPtr ReservedPtr3;
        public IntPtr ReservedPtr4;
        public ulong SeekPos;
        public ulong ReservedInt2;
        public nuint ReservedInt3;
        public nuint ReservedInt4;
        public int ReservedEnum1;
        public int ReservedEnum2;
    }
}

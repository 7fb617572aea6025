using System.Runtime.InteropServices;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// Owns one zeroed <see cref="NativeLzmaStream"/> in native memory (so liblzma sees a fixed address) and the
/// coder state liblzma hangs off it; releasing calls <c>lzma_end</c> and frees both. A stream may be initialised
/// again after it finished, which lets liblzma reuse its dictionary: that is why decoders keep one per thread.
/// </summary>
internal sealed unsafe class NativeLzmaStreamHandle : SafeHandle
{
    public NativeLzmaStreamHandle()
        : base(IntPtr.Zero, ownsHandle: true) =>
        SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(NativeLzmaStream)));

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The stream. Valid until the handle is disposed.</summary>
    public NativeLzmaStream* Stream => (NativeLzmaStream*)handle;

    /// <summary>Frees the coder after an error, so the next initialisation starts from a clean stream.</summary>
    public void Reset()
    {
        Liblzma.End(Stream);
        *Stream = default;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        Liblzma.End((NativeLzmaStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}

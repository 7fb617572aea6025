using System.Runtime.InteropServices;

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>
/// The machine's liblzma (xz-utils), loaded once with <see cref="NativeLibrary.TryLoad(string, out IntPtr)"/> and called
/// through unmanaged function pointers. When the library or one of its exports is missing, or the process is not
/// 64-bit (the struct layouts here are LP64), <see cref="IsAvailable"/> is false and callers use the managed path.
/// Every function is thread safe as long as each thread uses its own <see cref="NativeLzmaStream"/>.
/// </summary>
internal static unsafe class Liblzma
{
    /// <summary><c>LZMA_RUN</c>.</summary>
    public const int Run = 0;

    /// <summary><c>LZMA_FINISH</c>.</summary>
    public const int Finish = 3;

    /// <summary><c>LZMA_PRESET_DEFAULT</c> (6), the preset of <c>xz</c> and <c>lzma</c> without options.</summary>
    public const uint DefaultPreset = 6;

    private static readonly string[] Names = ["liblzma.so.5", "liblzma.5.dylib", "liblzma.dll", "liblzma"];

    private static readonly delegate* unmanaged<NativeLzmaStream*, ulong, NativeLzmaReturn> AloneDecoderFn;
    private static readonly delegate* unmanaged<NativeLzmaStream*, NativeLzmaOptions*, NativeLzmaReturn> AloneEncoderFn;
    private static readonly delegate* unmanaged<NativeLzmaStream*, NativeLzmaFilter*, NativeLzmaReturn> RawEncoderFn;
    private static readonly delegate* unmanaged<NativeLzmaStream*, int, NativeLzmaReturn> CodeFn;
    private static readonly delegate* unmanaged<NativeLzmaStream*, void> EndFn;
    private static readonly delegate* unmanaged<NativeLzmaOptions*, uint, byte> PresetFn;
    private static readonly delegate* unmanaged<uint> VersionNumberFn;

#pragma warning disable CA1810 // the loads depend on each other; a static constructor keeps them in one place
    static Liblzma()
#pragma warning restore CA1810
    {
        if (IntPtr.Size != 8)
        {
            LoadFailure = "liblzma is only bound for 64-bit processes.";
            return;
        }
        var handle = IntPtr.Zero;
        foreach (var name in Names)
        {
            if (NativeLibrary.TryLoad(name, out handle))
            {
                break;
            }
        }
        if (handle == IntPtr.Zero)
        {
            LoadFailure = $"liblzma could not be loaded (tried {string.Join(", ", Names)}).";
            return;
        }
        var missing = new List<string>();
        IntPtr Export(string name)
        {
            if (!NativeLibrary.TryGetExport(handle, name, out var address))
            {
                missing.Add(name);
            }
            return address;
        }
        AloneDecoderFn = (delegate* unmanaged<NativeLzmaStream*, ulong, NativeLzmaReturn>)Export("lzma_alone_decoder");
        AloneEncoderFn = (delegate* unmanaged<NativeLzmaStream*, NativeLzmaOptions*, NativeLzmaReturn>)Export("lzma_alone_encoder");
        RawEncoderFn = (delegate* unmanaged<NativeLzmaStream*, NativeLzmaFilter*, NativeLzmaReturn>)Export("lzma_raw_encoder");
        CodeFn = (delegate* unmanaged<NativeLzmaStream*, int, NativeLzmaReturn>)Export("lzma_code");
        EndFn = (delegate* unmanaged<NativeLzmaStream*, void>)Export("lzma_end");
        PresetFn = (delegate* unmanaged<NativeLzmaOptions*, uint, byte>)Export("lzma_lzma_preset");
        VersionNumberFn = (delegate* unmanaged<uint>)Export("lzma_version_number");
        if (missing.Count > 0)
        {
            LoadFailure = $"liblzma lacks the exports {string.Join(", ", missing)}.";
            return;
        }
        IsAvailable = true;
    }

    /// <summary>True when liblzma loaded with every export used here.</summary>
    public static bool IsAvailable { get; }

    /// <summary>Why <see cref="IsAvailable"/> is false; null when it is true.</summary>
    public static string? LoadFailure { get; }

    /// <summary><c>lzma_version_number()</c>, e.g. 50040012 for 5.4.1 stable; 0 when unavailable.</summary>
    public static uint VersionNumber => IsAvailable ? VersionNumberFn() : 0;

    /// <summary><c>lzma_alone_decoder(strm, memlimit)</c>.</summary>
    public static NativeLzmaReturn AloneDecoder(NativeLzmaStream* stream, ulong memoryLimit) => AloneDecoderFn(stream, memoryLimit);

    /// <summary><c>lzma_alone_encoder(strm, options)</c>: writes an unknown size and an end marker.</summary>
    public static NativeLzmaReturn AloneEncoder(NativeLzmaStream* stream, NativeLzmaOptions* options) => AloneEncoderFn(stream, options);

    /// <summary><c>lzma_raw_encoder(strm, filters)</c>.</summary>
    public static NativeLzmaReturn RawEncoder(NativeLzmaStream* stream, NativeLzmaFilter* filters) => RawEncoderFn(stream, filters);

    /// <summary><c>lzma_code(strm, action)</c>.</summary>
    public static NativeLzmaReturn Code(NativeLzmaStream* stream, int action) => CodeFn(stream, action);

    /// <summary><c>lzma_end(strm)</c>: frees the coder's memory; the stream can be initialised again.</summary>
    public static void End(NativeLzmaStream* stream) => EndFn(stream);

    /// <summary><c>lzma_lzma_preset(options, preset)</c>; false when the preset is not supported.</summary>
    public static bool Preset(NativeLzmaOptions* options, uint preset) => PresetFn(options, preset) == 0;
}

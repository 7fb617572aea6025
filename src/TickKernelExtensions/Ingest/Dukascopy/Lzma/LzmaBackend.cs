namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary>Which LZMA implementation <see cref="LzmaAlone"/> uses.</summary>
internal enum LzmaBackend
{
    /// <summary>The native liblzma when it loads, otherwise the managed reference.</summary>
    Auto,
    /// <summary>The machine's liblzma (<c>liblzma.so.5</c>) through P/Invoke: the fast path.</summary>
    Native,
    /// <summary>SharpCompress's LZMA in pure managed code: the reference path.</summary>
    Managed,
}

namespace TickKernelExtensions.Ingest.Dukascopy.Lzma;

/// <summary><c>lzma_ret</c> from liblzma's <c>lzma/base.h</c>.</summary>
internal enum NativeLzmaReturn
{
    Ok = 0,
    StreamEnd = 1,
    NoCheck = 2,
    UnsupportedCheck = 3,
    GetCheck = 4,
    MemError = 5,
    MemlimitError = 6,
    FormatError = 7,
    OptionsError = 8,
    DataError = 9,
    BufError = 10,
    ProgError = 11,
    SeekNeeded = 12,
}

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>Machine-readable reason of an <see cref="Mt5Exception"/>.</summary>
public enum Mt5ErrorKind
{
    /// <summary>An options record has one or more invalid fields (all are named in the message).</summary>
    InvalidOptions,
    /// <summary>Data offered for export is unusable: a NaN price, times out of order, a signal for another symbol.</summary>
    InvalidInput,
    /// <summary>A file read back does not have the expected shape: header, field count, a field that does not parse.</summary>
    MalformedFile,
    /// <summary>A signal file ends without its trailer, or its row count or SHA-256 disagree with the trailer.</summary>
    Truncated,
}

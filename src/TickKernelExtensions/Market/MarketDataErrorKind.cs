namespace TickKernelExtensions.Market;

/// <summary>Machine-readable reason of an <see cref="MarketDataException"/>.</summary>
public enum MarketDataErrorKind
{
    /// <summary>The symbol is not in the instrument catalogue.</summary>
    UnknownInstrument,
    /// <summary>A payload does not start with a valid LZMA "alone" header.</summary>
    NotLzma,
    /// <summary>A payload ends before its declared or structural length.</summary>
    Truncated,
    /// <summary>A payload decodes but its content is malformed (bad record length, bad JSON shape).</summary>
    CorruptPayload,
    /// <summary>The server returned an HTML page where data was expected.</summary>
    HtmlInsteadOfData,
    /// <summary>A CSV row or field could not be parsed.</summary>
    MalformedRow,
    /// <summary>The CSV format could not be recognised, or the wrong delimiter was used.</summary>
    UnknownFormat,
    /// <summary>A tick failed validation (crossed quote, NaN, negative, order, duplicate, wrong scale).</summary>
    InvalidTick,
    /// <summary>Different bytes were offered for a raw-zone file that already exists.</summary>
    RawConflict,
    /// <summary>A download failed after every allowed attempt.</summary>
    DownloadFailed,
    /// <summary>An option or argument is invalid.</summary>
    InvalidOptions,
}

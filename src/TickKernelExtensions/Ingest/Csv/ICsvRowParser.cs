namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Turns one data row of a format into a tick. Implemented by structs so that
/// <see cref="CsvTickLoop{TParser}"/> is compiled once per format with the parser inlined into the loop.
/// </summary>
internal interface ICsvRowParser
{
    /// <summary>
    /// Parses a non-empty row (without its line terminator). Returns true with the tick (timestamp in
    /// UTC epoch microseconds), or false with the reason the row carries no tick. A malformed row
    /// throws <see cref="Market.MarketDataException"/> naming the source, line, field, expected and actual text.
    /// </summary>
    bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip);
}

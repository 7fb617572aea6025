namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// dukascopy-node tick rows: <c>timestamp,askPrice,bidPrice[,askVolume,bidVolume]</c>, the timestamp in
/// epoch milliseconds UTC, ask before bid, volumes as written (millions unless the download chose
/// other units). Example: <c>1676894400084,24921.5,24849.4,1.48,0.000013</c>.
/// </summary>
internal struct DukascopyNodeRowParser : ICsvRowParser
{
    public const string ExpectedTimestamp = "epoch milliseconds like 1676894400084";
    private const byte Comma = (byte)',';

    private readonly string _source;
    private readonly bool _volumes;

    public DukascopyNodeRowParser(string source, bool volumes)
    {
        _source = source;
        _volumes = volumes;
    }

    public readonly bool TryParse(ReadOnlySpan<byte> row, long line,
        out long timestamp, out double bid, out double ask, out float bidVolume, out float askVolume, out CsvSkipReason skip)
    {
        skip = default;
        if (!Utf8Number.TryParseInt64(row, 0, Comma, out var ms, out var end))
        {
            throw CsvErrors.BadField(_source, line, row, 0, Comma, "timestamp", ExpectedTimestamp);
        }
        var start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out ask, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "askPrice", CsvErrors.ExpectedPrice);
        }
        start = end + 1;
        if (!Utf8Number.TryParseDouble(row, start, Comma, out bid, out end))
        {
            throw CsvErrors.BadField(_source, line, row, start, Comma, "bidPrice", CsvErrors.ExpectedPrice);
        }
        if (_volumes)
        {
            start = end + 1;
            if (!Utf8Number.TryParseSingle(row, start, Comma, out askVolume, out end))
            {
                throw CsvErrors.BadField(_source, line, row, start, Comma, "askVolume", CsvErrors.ExpectedVolume);
            }
            start = end + 1;
            if (!Utf8Number.TryParseSingle(row, start, Comma, out bidVolume, out end))
            {
                throw CsvErrors.BadField(_source, line, row, start, Comma, "bidVolume", CsvErrors.ExpectedVolume);
            }
        }
        else
        {
            askVolume = float.NaN;
            bidVolume = float.NaN;
        }
        if (end != row.Length)
        {
            throw CsvErrors.ExtraFields(_source, line, row, end, _volumes ? 5 : 3, _volumes ? "bidVolume" : "bidPrice");
        }
        timestamp = ms * Market.TickTime.MicrosPerMilli;
        return true;
    }
}

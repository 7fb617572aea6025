using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// The read loop of one format. <typeparamref name="TParser"/> is a struct, so the JIT compiles a copy
/// of <see cref="Fill"/> per format with the row parser's calls bound directly. Columns are written in
/// place: the batch is extended once, filled through spans, then trimmed.
/// </summary>
internal sealed class CsvTickLoop<TParser> : CsvTickLoop
    where TParser : struct, ICsvRowParser
{
    private TParser _parser;

    public CsvTickLoop(CsvLineReader lines, TickValidator validator, string source, TParser parser)
        : base(lines, validator, source) => _parser = parser;

    public override int Fill(TickColumns target, int max)
    {
        var at = target.Append(max);
        var timestamps = target.Timestamps[at..];
        var bids = target.Bids[at..];
        var asks = target.Asks[at..];
        var bidVolumes = target.BidVolumes[at..];
        var askVolumes = target.AskVolumes[at..];
        var lines = Lines;
        var validator = Validator;
        var n = 0;
        var rows = 0L;
        try
        {
            while (n < max && lines.TryReadLine(out var row))
            {
                rows++;
                if (row.IsEmpty)
                {
                    Skipped[(int)CsvSkipReason.BlankLine]++;
                    continue;
                }
                if (!_parser.TryParse(row, lines.LineNumber, out var ts, out var bid, out var ask, out var bidVolume, out var askVolume, out var skip))
                {
                    Skipped[(int)skip]++;
                    continue;
                }
                if (validator.Check(ts, bid, ask, bidVolume, askVolume) is { } violation)
                {
                    throw violation.ToException(Source, lines.LineNumber);
                }
                timestamps[n] = ts;
                bids[n] = bid;
                asks[n] = ask;
                bidVolumes[n] = bidVolume;
                askVolumes[n] = askVolume;
                n++;
            }
        }
        finally
        {
            Rows += rows;
            target.Truncate(at + n);
        }
        if (n > 0)
        {
            First ??= timestamps[0];
            Last = timestamps[n - 1];
        }
        return n;
    }
}

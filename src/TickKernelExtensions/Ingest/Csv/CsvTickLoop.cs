using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// The per-format read loop, hidden behind one virtual call per batch: line → row parser → validator →
/// columns. <see cref="CsvTickLoop{TParser}"/> is the implementation; this base keeps the counters the
/// summary reports.
/// </summary>
internal abstract class CsvTickLoop
{
    protected CsvTickLoop(CsvLineReader lines, TickValidator validator, string source)
    {
        Lines = lines;
        Validator = validator;
        Source = source;
    }

    protected CsvLineReader Lines { get; }

    protected TickValidator Validator { get; }

    protected string Source { get; }

    /// <summary>Data lines read (every line but the header).</summary>
    public long Rows { get; protected set; }

    /// <summary>Skipped lines by <see cref="CsvSkipReason"/>.</summary>
    public long[] Skipped { get; } = new long[Enum.GetValues<CsvSkipReason>().Length];

    /// <summary>The first accepted timestamp, when any.</summary>
    public long? First { get; protected set; }

    /// <summary>The last accepted timestamp, when any.</summary>
    public long? Last { get; protected set; }

    /// <summary>
    /// Appends up to <paramref name="max"/> validated ticks to <paramref name="target"/>; returns how many.
    /// Fewer than <paramref name="max"/> means the input has ended.
    /// </summary>
    public abstract int Fill(TickColumns target, int max);
}

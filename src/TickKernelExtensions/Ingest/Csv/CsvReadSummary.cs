namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// What a <see cref="CsvTickReader"/> read. Final once <see cref="Completed"/> is true (after
/// <see cref="CsvTickReader.ReadBatch"/> has returned false); before that it is a snapshot so far.
/// Every data line is accounted for: <c>Rows == Ticks + SkippedTotal</c>.
/// </summary>
public sealed record CsvReadSummary
{
    /// <summary>The source as errors name it: the path, or <c>path!entry</c> inside a zip.</summary>
    public required string Source { get; init; }

    /// <summary>The format read.</summary>
    public required CsvTickFormat Format { get; init; }

    /// <summary>The instrument's canonical symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>The clock the file's times were read in: <c>UTC</c>, <c>UTC+02:00</c>, a zone id, or <c>per-row GMT suffix</c>.</summary>
    public required string Clock { get; init; }

    /// <summary>Physical lines read, the header included.</summary>
    public long Lines { get; init; }

    /// <summary>Data lines read (every line but the header), blank lines included.</summary>
    public long Rows { get; init; }

    /// <summary>Ticks delivered.</summary>
    public long Ticks { get; init; }

    /// <summary>Lines that gave no tick, by reason; reasons that never occurred are absent.</summary>
    public required IReadOnlyDictionary<CsvSkipReason, long> Skipped { get; init; }

    /// <summary>All skipped lines.</summary>
    public long SkippedTotal => Skipped.Values.Sum();

    /// <summary>The first tick's UTC epoch microseconds, when there was a tick.</summary>
    public long? FirstTimestamp { get; init; }

    /// <summary>The last tick's UTC epoch microseconds, when there was a tick.</summary>
    public long? LastTimestamp { get; init; }

    /// <summary>Crossed quotes (ask &lt; bid) kept because <see cref="Market.TickValidationOptions.CrossedQuotes"/> is Keep.</summary>
    public long CrossedKept { get; init; }

    /// <summary>Exact duplicate ticks kept because <see cref="Market.TickValidationOptions.DuplicateTicks"/> is Keep.</summary>
    public long DuplicatesKept { get; init; }

    /// <summary>True once the whole input has been read without error.</summary>
    public bool Completed { get; init; }
}

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>What <see cref="CsvFormatDetector"/> learned from a file's first line.</summary>
/// <param name="Format">The format (never <see cref="CsvTickFormat.Auto"/>).</param>
/// <param name="HasHeader">Whether the first line is a header (otherwise it is data).</param>
internal sealed record CsvLayout(CsvTickFormat Format, bool HasHeader)
{
    /// <summary>Dukascopy and dukascopy-node: whether rows carry ask and bid volumes.</summary>
    public bool Volumes { get; init; }

    /// <summary>Dukascopy: the time column's name as the header spells it.</summary>
    public string TimeField { get; init; } = "time";

    /// <summary>Dukascopy: true when the header says the times are GMT/UTC, false when they are local.</summary>
    public bool HeaderSaysUtc { get; init; }

    /// <summary>MT5: the header's columns after &lt;ASK&gt;.</summary>
    public string[] ExtraFields { get; init; } = [];
}

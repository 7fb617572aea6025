using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Processing.Cleaning;

namespace TickKernelExtensions.Processing.Silver;

/// <summary>Options of <see cref="SilverTicks.BuildAsync"/>.</summary>
public sealed record SilverOptions
{
    /// <summary>The cleaning rules (default <see cref="TickCleaningOptions.Default"/>: NY 17:00 sessions, spikes flagged).</summary>
    public TickCleaningOptions Cleaning { get; init; } = TickCleaningOptions.Default;

    /// <summary>Only these symbols; null (the default) cleans every symbol of the bronze table.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Only days on or after this one (UTC); null for no lower limit.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only days on or before this one (UTC); null for no upper limit.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Partitions cleaned at once; default <see cref="Environment.ProcessorCount"/>. Memory grows by one symbol-day per worker.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How data files are read for DuckDB (they must be local: a caching file IO for S3); null uses the tables' own.</summary>
    public IIcebergFileIO? ReadIo { get; init; }

    /// <summary>Where new files are staged before they are copied into the tables; null uses a fresh temporary folder.</summary>
    public string? StagingFolder { get; init; }

    /// <summary>Every problem with these options, all at once.</summary>
    public void Validate()
    {
        var problems = new List<string>();
        if (MaxDegreeOfParallelism < 1)
        {
            problems.Add($"MaxDegreeOfParallelism: expected at least 1, got {MaxDegreeOfParallelism}");
        }
        if (From is { } from && To is { } to && from > to)
        {
            problems.Add($"From/To: expected From <= To, got {from:yyyy-MM-dd} > {to:yyyy-MM-dd}");
        }
        if (Symbols is { Count: 0 })
        {
            problems.Add("Symbols: expected null (all) or at least one symbol, got an empty list");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid silver options: " + string.Join("; ", problems) + ".");
        }
        Cleaning.Validate();
    }
}

using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>Options of <see cref="GoldTables.BuildAsync"/>.</summary>
public sealed record GoldOptions
{
    /// <summary>The bars (default one-minute UTC bars, empty minutes skipped).</summary>
    public TimeBarOptions Bars { get; init; } = new();

    /// <summary>The feature set computed on the bars (default <see cref="FeatureSetDefinition.GoldCore"/>).</summary>
    public FeatureSetDefinition FeatureSet { get; init; } = FeatureSetDefinition.GoldCore;

    /// <summary>
    /// Silver ticks carrying any of these flags are left out of the bars (default: spikes and crossed quotes, which a
    /// flag policy keeps in silver for inspection but which are not prices anyone could trade at).
    /// </summary>
    public TickFlags ExcludeFlags { get; init; } = TickFlags.Spike | TickFlags.CrossedQuote;

    /// <summary>Only these symbols; null (the default) builds every symbol of <c>silver.ticks</c>.</summary>
    public IReadOnlyList<string>? Symbols { get; init; }

    /// <summary>Symbols built at once; default <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>How data files are read for DuckDB (local, or a caching file IO for S3); null uses the tables' own.</summary>
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
        if (Symbols is { Count: 0 })
        {
            problems.Add("Symbols: expected null (all) or at least one symbol, got an empty list");
        }
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid gold options: " + string.Join("; ", problems) + ".");
        }
        Bars.Validate();
        _ = new FeatureSetCalculator(FeatureSet);
    }
}

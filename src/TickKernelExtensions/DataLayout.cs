namespace TickKernelExtensions;

/// <summary>
/// Where each data zone lives below the data root (<c>./data</c> by default). See <c>data/README.md</c>.
/// </summary>
/// <param name="Root">The data root.</param>
public sealed record DataLayout(string Root)
{
    /// <summary>The default layout, rooted at <c>./data</c>.</summary>
    public static DataLayout Default { get; } = new("data");

    /// <summary>The built-in market's simulated Dukascopy datafeed.</summary>
    public string Mirror => Path.Combine(Root, "mirror", "dukascopy");

    /// <summary>The immutable raw zone.</summary>
    public string Raw => Path.Combine(Root, "raw");

    /// <summary>Typed tick Parquet, Hive-partitioned by symbol and date.</summary>
    public string Ticks => Path.Combine(Root, "parquet", "ticks");

    /// <summary>CSV files refused on import, with their errors.</summary>
    public string Quarantine => Path.Combine(Root, "quarantine");
}

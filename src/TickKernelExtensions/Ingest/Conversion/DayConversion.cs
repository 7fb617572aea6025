namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>The outcome for one symbol-day.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Date">The UTC date (the Parquet partition).</param>
/// <param name="State">What happened.</param>
/// <param name="RawFiles">Raw hour files read.</param>
/// <param name="Ticks">Ticks written.</param>
/// <param name="Bytes">Parquet bytes written.</param>
/// <param name="CrossedQuotes">Crossed quotes kept as received.</param>
/// <param name="Error">Why it failed.</param>
public sealed record DayConversion(
    string Symbol, DateOnly Date, DayState State, int RawFiles, long Ticks, long Bytes, long CrossedQuotes, string? Error = null);

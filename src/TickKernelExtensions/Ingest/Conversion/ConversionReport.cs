using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>The outcome of a conversion run, per symbol-day.</summary>
[TypeFormatterSource(typeof(ResultFormatterSource<ConversionReport>), PreferredMimeTypes = ["text/html"])]
public sealed record ConversionReport(IReadOnlyList<DayConversion> Days, TimeSpan Elapsed)
{
    /// <summary>Ticks written by this run.</summary>
    public long Ticks => Days.Sum(d => d.Ticks);

    /// <summary>Parquet bytes written by this run.</summary>
    public long Bytes => Days.Sum(d => d.Bytes);

    /// <summary>Days in a state.</summary>
    public int Count(DayState state) => Days.Count(d => d.State == state);

    /// <summary>True when no day failed.</summary>
    public bool Succeeded => Days.All(d => d.State != DayState.Failed);
}

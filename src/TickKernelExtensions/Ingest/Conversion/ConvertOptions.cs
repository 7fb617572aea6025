using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>How raw files become tick Parquet.</summary>
public sealed record ConvertOptions
{
    /// <summary>Rewrite days whose Parquet file is already newer than all their raw files. Default false.</summary>
    public bool Force { get; init; }

    /// <summary>How ticks are checked; default <see cref="TickValidationOptions.AsReceived"/> (bronze keeps crossed quotes).</summary>
    public TickValidationOptions Validation { get; init; } = TickValidationOptions.AsReceived;

    /// <summary>Days converted in parallel. Default: the processor count.</summary>
    public int MaxParallelDays { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="MarketDataException"/> listing every invalid setting.</summary>
    public ConvertOptions Validate()
    {
        var errors = new List<string>();
        if (Validation is null)
        {
            errors.Add("Validation must be set");
        }
        if (MaxParallelDays is < 1 or > 256)
        {
            errors.Add($"MaxParallelDays must be 1..256 (was {MaxParallelDays})");
        }
        return errors.Count == 0
            ? this
            : throw new MarketDataException(MarketDataErrorKind.InvalidOptions, "Invalid convert options: " + string.Join("; ", errors) + ".");
    }
}

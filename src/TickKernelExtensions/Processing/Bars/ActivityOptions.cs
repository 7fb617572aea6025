using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>Shared validation of volume and dollar bar options.</summary>
internal static class ActivityOptions
{
    public static void Validate(string what, string thresholdName, double threshold, VolumeSide side)
    {
        var errors = new List<string>();
        if (!double.IsFinite(threshold) || threshold <= 0)
        {
            errors.Add($"{thresholdName} must be positive and finite, was {threshold}");
        }
        if (!Enum.IsDefined(side))
        {
            errors.Add($"Side has an unknown value {(int)side}");
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid {what} options: {string.Join("; ", errors)}.");
        }
    }
}

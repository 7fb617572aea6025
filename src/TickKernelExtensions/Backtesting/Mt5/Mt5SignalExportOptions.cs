namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>How <see cref="Mt5SignalExport"/> writes a signal file. Validated when the export runs.</summary>
public sealed record Mt5SignalExportOptions
{
    /// <summary>The one symbol of the file (e.g. <c>EURUSD</c>); every signal must be for it. The EA refuses a file for another symbol.</summary>
    public required string Symbol { get; init; }

    /// <summary>The server clock times are written in: the same as the tick file's. Default <see cref="Mt5ServerTime.Utc"/>.</summary>
    public Mt5ServerTime ServerTime { get; init; } = Mt5ServerTime.Utc;

    /// <summary>Checks every field and reports all bad ones at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Symbol) || Symbol.AsSpan().IndexOfAny(Mt5SignalExport.Forbidden) >= 0)
        {
            errors.Add($"{nameof(Symbol)} must be a non-empty name without commas, '=' or control characters, was '{Symbol}'");
        }
        if (ServerTime is null)
        {
            errors.Add($"{nameof(ServerTime)} is required");
        }
        if (errors.Count > 0)
        {
            throw new Mt5Exception(Mt5ErrorKind.InvalidOptions, $"Invalid MT5 signal export options: {string.Join("; ", errors)}.");
        }
    }
}

using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>How <see cref="Mt5TickExport"/> writes a tick file for a custom symbol. Validated when the export is created.</summary>
public sealed record Mt5TickExportOptions
{
    /// <summary>The instrument the ticks belong to; its <see cref="Instrument.PriceDecimals"/> are the default digits.</summary>
    public required Instrument Instrument { get; init; }

    /// <summary>The server clock the times are written in. Default <see cref="Mt5ServerTime.Utc"/>.</summary>
    public Mt5ServerTime ServerTime { get; init; } = Mt5ServerTime.Utc;

    /// <summary>Decimals written for bid and ask (0–10); null (the default) uses the instrument's. Set it to the custom symbol's Digits.</summary>
    public int? Digits { get; init; }

    /// <summary>
    /// Write the quote volume (bid + ask size, millions of base units) into <c>&lt;VOLUME&gt;</c> with the volume flag.
    /// Default false: MT5's own FX tick exports leave LAST and VOLUME empty, and MT5's VOLUME means deal volume, which
    /// quote ticks do not have.
    /// </summary>
    public bool WriteQuoteVolume { get; init; }

    /// <summary>The digits used: <see cref="Digits"/> or the instrument's.</summary>
    public int EffectiveDigits => Digits ?? Instrument.PriceDecimals;

    /// <summary>Checks every field and reports all bad ones at once.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Instrument is null)
        {
            errors.Add($"{nameof(Instrument)} is required");
        }
        if (ServerTime is null)
        {
            errors.Add($"{nameof(ServerTime)} is required");
        }
        if (Digits is < 0 or > 10)
        {
            errors.Add($"{nameof(Digits)} must be in [0, 10], was {Digits}");
        }
        if (errors.Count > 0)
        {
            throw new Mt5Exception(Mt5ErrorKind.InvalidOptions, $"Invalid MT5 tick export options: {string.Join("; ", errors)}.");
        }
    }
}

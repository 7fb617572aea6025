using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// How <see cref="CsvTickFileWriter"/> writes ticks in one of the CSV formats (to make test inputs and
/// benchmark files). <see cref="Validate"/> reports every bad property at once. Immutable.
/// </summary>
public sealed record CsvTickWriteOptions
{
    /// <summary>The format to write; not <see cref="CsvTickFormat.Auto"/>.</summary>
    public required CsvTickFormat Format { get; init; }

    /// <summary>The instrument: its decimals decide how prices are printed, its symbol the LEAN entry name.</summary>
    public required Instrument Instrument { get; init; }

    /// <summary>
    /// The local clock to write in, as a fixed offset (local = UTC + offset). Default null (UTC).
    /// Required for MT5 unless <see cref="TimeZone"/> is set; refused for dukascopy-node and HistData,
    /// whose clocks are fixed (epoch ms UTC; UTC-5).
    /// </summary>
    public TimeSpan? UtcOffset { get; init; }

    /// <summary>The local clock to write in, as a time zone id with daylight saving. Default null.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// Dukascopy only: write a <c>Local time</c> header and a <c> GMT+hhmm</c> suffix on every row (the
    /// offset of that row's instant). Needs <see cref="UtcOffset"/> or <see cref="TimeZone"/>. Default false.
    /// </summary>
    public bool GmtSuffix { get; init; }

    /// <summary>Dukascopy and dukascopy-node: write the AskVolume/BidVolume columns. Default true.</summary>
    public bool Volumes { get; init; } = true;

    /// <summary>
    /// MT5 only: leave BID or ASK empty on rows where that side did not change, as MT5 does (FLAGS 2/4/6).
    /// Default true.
    /// </summary>
    public bool Mt5OneSidedRows { get; init; } = true;

    /// <summary>End lines with CRLF instead of LF. Default false.</summary>
    public bool CrLf { get; init; }

    /// <summary>Throws <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every bad property.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (Format == CsvTickFormat.Auto || !Enum.IsDefined(Format))
        {
            errors.Add($"{nameof(Format)} must be a concrete format, not {Format}");
        }
        if (Instrument is null)
        {
            errors.Add($"{nameof(Instrument)} is null");
        }
        var hasClock = UtcOffset is not null || TimeZone is not null;
        if (UtcOffset is not null && TimeZone is not null)
        {
            errors.Add($"{nameof(UtcOffset)} and {nameof(TimeZone)} are both set; give one clock only");
        }
        if (Format == CsvTickFormat.Mt5 && !hasClock)
        {
            errors.Add($"MT5 files are in broker time: set {nameof(UtcOffset)} or {nameof(TimeZone)}");
        }
        if (Format is CsvTickFormat.DukascopyNode or CsvTickFormat.HistData && hasClock)
        {
            errors.Add($"{Format} has a fixed clock: leave {nameof(UtcOffset)} and {nameof(TimeZone)} unset");
        }
        if (GmtSuffix && (Format != CsvTickFormat.Dukascopy || !hasClock))
        {
            errors.Add($"{nameof(GmtSuffix)} needs the Dukascopy format and a local clock ({nameof(UtcOffset)} or {nameof(TimeZone)})");
        }
        if (TimeZone is not null)
        {
            try
            {
                TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
            }
            catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
            {
                errors.Add($"{nameof(TimeZone)} '{TimeZone}' is not a known time zone id");
            }
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid CSV write options: {string.Join("; ", errors)}.");
        }
    }
}

using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// How <see cref="CsvTickReader"/> reads a tick CSV. Every property has a documented default;
/// <see cref="Validate"/> reports every bad property in one error. Immutable.
/// </summary>
public sealed record CsvImportOptions
{
    /// <summary>The file's format. Default <see cref="CsvTickFormat.Auto"/>: recognised from the content (an explicit format wins).</summary>
    public CsvTickFormat Format { get; init; } = CsvTickFormat.Auto;

    /// <summary>
    /// The instrument, looked up in <see cref="Catalog"/> (<c>EURUSD</c>, <c>EUR/USD</c>, <c>EUR-USD</c> …).
    /// Default null: inferred from the file name where the format has a naming convention
    /// (<c>DAT_ASCII_EURUSD_T_201202.csv</c>, <c>20140501_eurusd_tick_quote.csv</c>,
    /// <c>EURUSD_Ticks_2011.07.31-2011.08.01.csv</c>, <c>eurusd-tick-2023-02-20-2023-02-21.csv</c>); otherwise an error asks for it.
    /// </summary>
    public string? Symbol { get; init; }

    /// <summary>
    /// The file's clock as a fixed offset from UTC (local = UTC + offset; e.g. +02:00 for a broker on
    /// GMT+2 without daylight saving). Default null. Required for MT5 unless <see cref="TimeZone"/> is
    /// given; optional for LEAN (default UTC, FXCM data is -05:00) and for Dukascopy "Local time" exports
    /// whose rows carry no GMT suffix. Refused where the format fixes its own clock.
    /// </summary>
    public TimeSpan? UtcOffset { get; init; }

    /// <summary>
    /// The file's clock as a time zone id with daylight saving (IANA, e.g. <c>Europe/Helsinki</c>, <c>EET</c>,
    /// <c>America/New_York</c>). Default null. Same use as <see cref="UtcOffset"/>; give one or the other.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>How ticks are checked. Default <see cref="TickValidationOptions.Strict"/> (crossed quotes and duplicates refused).</summary>
    public TickValidationOptions Validation { get; init; } = TickValidationOptions.Strict;

    /// <summary>Most ticks per <see cref="CsvTickReader.ReadBatch"/>. Default 65,536; 1 to 16,777,216.</summary>
    public int BatchSize { get; init; } = 65_536;

    /// <summary>
    /// Threads an import may use (<see cref="CsvTickImporter"/>, <see cref="CsvTickPipeline"/>). Default
    /// <see cref="Environment.ProcessorCount"/>; at least 1. With 1, parsing and Parquet encoding alternate on the
    /// calling thread; with 2 or more, a second thread parses the next batches while the current ones are
    /// encoded, compressed and written (more than 2 adds nothing today). The output bytes are the same either way.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Where symbols are looked up. Default <see cref="InstrumentCatalog.Default"/>.</summary>
    public InstrumentCatalog Catalog { get; init; } = InstrumentCatalog.Default;

    /// <summary>
    /// The read buffer in bytes, also the longest line accepted. Default 1 MiB. Internal: tests shrink it
    /// to make lines straddle buffer refills.
    /// </summary>
    internal int BufferSize { get; init; } = 1 << 20;

    /// <summary>Largest <see cref="BatchSize"/>.</summary>
    public const int MaxBatchSize = 1 << 24;

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    /// <summary>Throws <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidOptions"/>) listing every bad property.</summary>
    public void Validate()
    {
        var errors = new List<(string Field, string Problem)>();
        if (!Enum.IsDefined(Format))
        {
            errors.Add((nameof(Format), $"{(int)Format} is not a CsvTickFormat"));
        }
        if (Symbol is not null && string.IsNullOrWhiteSpace(Symbol))
        {
            errors.Add((nameof(Symbol), "is blank; leave it null to infer it from the file name"));
        }
        if (UtcOffset is { } offset)
        {
            if (offset.Duration() > MaxOffset)
            {
                errors.Add((nameof(UtcOffset), $"{LocalClock.FormatOffset(offset)} is beyond ±14:00"));
            }
            else if (offset.Ticks % TimeSpan.TicksPerMinute != 0)
            {
                errors.Add((nameof(UtcOffset), $"{offset} is not a whole number of minutes"));
            }
        }
        if (TimeZone is not null && ResolveTimeZone(TimeZone) is null)
        {
            errors.Add((nameof(TimeZone), string.IsNullOrWhiteSpace(TimeZone)
                ? "is blank"
                : $"'{TimeZone}' is not a known time zone id (use an IANA id such as Europe/Helsinki)"));
        }
        if (UtcOffset is not null && TimeZone is not null)
        {
            errors.Add(($"{nameof(UtcOffset)}/{nameof(TimeZone)}", "both are set; give one clock only"));
        }
        if (Validation is null)
        {
            errors.Add((nameof(Validation), "is null"));
        }
        if (BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add((nameof(BatchSize), string.Create(CultureInfo.InvariantCulture, $"{BatchSize} is outside 1..{MaxBatchSize}")));
        }
        if (MaxDegreeOfParallelism < 1)
        {
            errors.Add((nameof(MaxDegreeOfParallelism), string.Create(CultureInfo.InvariantCulture, $"{MaxDegreeOfParallelism} is below 1")));
        }
        if (Catalog is null)
        {
            errors.Add((nameof(Catalog), "is null"));
        }
        if (BufferSize < 64)
        {
            errors.Add((nameof(BufferSize), string.Create(CultureInfo.InvariantCulture, $"{BufferSize} is below 64 bytes")));
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"Invalid CSV import options: {string.Join("; ", errors.Select(e => $"{e.Field} {e.Problem}"))}.")
            {
                Field = string.Join(", ", errors.Select(e => e.Field)),
            };
        }
    }

    /// <summary>The clock the options name, or null when they name none.</summary>
    internal LocalClock? Clock() =>
        UtcOffset is { } offset ? LocalClock.Fixed(offset)
        : TimeZone is { } id ? LocalClock.Zone(ResolveTimeZone(id)!)
        : null;

    private static TimeZoneInfo? ResolveTimeZone(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}

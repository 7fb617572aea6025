using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Modeling.Signals;

/// <summary>
/// The one signal record shared by the backtester, the serving host and the executors (MT5 reads its JSON form,
/// <see cref="TradeSignalJson"/>). Times are UTC with whole microseconds, the ticks' own clock: a signal issued at
/// <see cref="Time"/> is valid until <see cref="Expiry"/> (exclusive). Immutable; call <see cref="Validate"/> at a boundary.
/// </summary>
public sealed record TradeSignal
{
    /// <summary>The instrument, as in the catalogue (e.g. <c>EURUSD</c>).</summary>
    public required string Symbol { get; init; }

    /// <summary>When the signal was issued: UTC, whole microseconds.</summary>
    public required DateTime Time { get; init; }

    /// <summary>What to hold.</summary>
    public required SignalAction Action { get; init; }

    /// <summary>The model's confidence in the action, in [0, 1] (e.g. a meta-label probability).</summary>
    public required double Confidence { get; init; }

    /// <summary>An anomaly score (non-negative, unbounded, e.g. PCA reconstruction error); NaN when none was computed (JSON null).</summary>
    public double AnomalyScore { get; init; } = double.NaN;

    /// <summary>A short human- and machine-readable reason code (e.g. <c>meta-label</c>, <c>spread-gate</c>); empty by default.</summary>
    public string Reason { get; init; } = "";

    /// <summary>The name of the model that issued the signal.</summary>
    public required string ModelName { get; init; }

    /// <summary>The model's version (registry version, hash or semantic version).</summary>
    public required string ModelVersion { get; init; }

    /// <summary>When the signal stops being valid: UTC, whole microseconds, after <see cref="Time"/>.</summary>
    public required DateTime Expiry { get; init; }

    /// <summary><see cref="Time"/> as UTC µs since the Unix epoch, the tick columns' unit.</summary>
    public long TimeMicros => TickTime.ToMicros(Time);

    /// <summary><see cref="Expiry"/> as UTC µs since the Unix epoch.</summary>
    public long ExpiryMicros => TickTime.ToMicros(Expiry);

    /// <summary>True when the signal is still valid at <paramref name="utcNow"/> (the ticks' clock or a <see cref="TimeProvider"/>).</summary>
    public bool IsLiveAt(DateTime utcNow) => utcNow >= Time && utcNow < Expiry;

    /// <summary>Checks every field; throws <see cref="ModelingException"/> (InvalidInput) naming each bad one.</summary>
    public void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Symbol))
        {
            errors.Add($"{nameof(Symbol)} must not be empty");
        }
        UtcMicros(errors, nameof(Time), Time);
        UtcMicros(errors, nameof(Expiry), Expiry);
        if (Expiry <= Time)
        {
            errors.Add($"{nameof(Expiry)} must be after {nameof(Time)} ({Format(Time)}), was {Format(Expiry)}");
        }
        if (!Enum.IsDefined(Action))
        {
            errors.Add($"{nameof(Action)} has an unknown value {(int)Action}");
        }
        if (!(Confidence >= 0 && Confidence <= 1))
        {
            errors.Add($"{nameof(Confidence)} must be in [0, 1], was {Confidence.ToString(CultureInfo.InvariantCulture)}");
        }
        if (double.IsInfinity(AnomalyScore))
        {
            errors.Add($"{nameof(AnomalyScore)} must be finite or NaN (none), was {AnomalyScore.ToString(CultureInfo.InvariantCulture)}");
        }
        if (Reason is null)
        {
            errors.Add($"{nameof(Reason)} must not be null (use an empty string)");
        }
        if (string.IsNullOrWhiteSpace(ModelName))
        {
            errors.Add($"{nameof(ModelName)} must not be empty");
        }
        if (string.IsNullOrWhiteSpace(ModelVersion))
        {
            errors.Add($"{nameof(ModelVersion)} must not be empty");
        }
        if (errors.Count > 0)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, $"Invalid trade signal: {string.Join("; ", errors)}.");
        }
    }

    /// <summary>ISO 8601 UTC with six fractional digits, the form used in JSON.</summary>
    internal static string Format(DateTime time) =>
        time.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void UtcMicros(List<string> errors, string name, DateTime time)
    {
        if (time.Kind != DateTimeKind.Utc)
        {
            errors.Add($"{name} must be a UTC time (Kind Utc), was Kind {time.Kind}");
        }
        if (time.Ticks % 10 != 0)
        {
            errors.Add($"{name} must hold whole microseconds, was {time.ToString("O", CultureInfo.InvariantCulture)}");
        }
    }
}

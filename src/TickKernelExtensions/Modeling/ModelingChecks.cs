using System.Globalization;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Modeling;

/// <summary>Input checks and quote look-ups shared by the label and split kernels.</summary>
internal static class ModelingChecks
{
    public static void PositiveWidth(List<string> errors, string name, double value)
    {
        if (double.IsNaN(value) || value <= 0)
        {
            errors.Add($"{name} must be positive (infinity disables it), was {value.ToString(CultureInfo.InvariantCulture)}");
        }
    }

    public static void SameLength(string field, int actual, int expected)
    {
        if (actual != expected)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, $"Column '{field}' must have one value per event.")
            {
                Field = field,
                Expected = $"{expected} values",
                Actual = $"{actual} values",
            };
        }
    }

    /// <summary>Ticks must be non-empty with non-decreasing timestamps.</summary>
    public static void Ticks(TickColumns ticks)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        if (ticks.Count == 0)
        {
            throw new ModelingException(ModelingErrorKind.OutOfRange, "No ticks to label events on.") { Field = "ticks", Expected = "at least 1 tick", Actual = "0" };
        }
        ReadOnlySpan<long> ts = ticks.Timestamps;
        for (var i = 1; i < ts.Length; i++)
        {
            if (ts[i] < ts[i - 1])
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "Tick timestamps must be in time order.")
                {
                    Field = "ticks.Timestamps",
                    Row = i,
                    Expected = $">= {Time(ts[i - 1])}",
                    Actual = Time(ts[i]),
                };
            }
        }
    }

    /// <summary>The index of the quote in force at <paramref name="time"/>: the last tick at or before it, or −1.</summary>
    public static int QuoteAt(ReadOnlySpan<long> timestamps, long time)
    {
        int lo = 0, hi = timestamps.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (timestamps[mid] <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo - 1;
    }

    /// <summary>
    /// The entry tick of an event at <paramref name="t0"/> whose window ends at <paramref name="end"/>; throws
    /// OutOfRange when there is no quote at t0 or the window ends after the last tick.
    /// </summary>
    public static int Entry(ReadOnlySpan<long> ts, int row, long t0, long end, string field)
    {
        var e = QuoteAt(ts, t0);
        if (e < 0 || end > ts[^1])
        {
            throw new ModelingException(ModelingErrorKind.OutOfRange,
                e < 0 ? "The event is before the first tick: no quote is in force at its time." : "The event's vertical barrier is after the last tick.")
            {
                Field = field,
                Row = row,
                Expected = $"an event time in [{Time(ts[0])}, {Time(ts[^1])} − holding time]",
                Actual = Time(t0),
            };
        }
        return e;
    }

    /// <summary>A quote used as an entry or exit price must be positive and finite.</summary>
    public static double Price(double price, string field, int tick)
    {
        if (!double.IsFinite(price) || price <= 0)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "A quote on the path is not a positive finite price.")
            {
                Field = field,
                Row = tick,
                Expected = "a positive finite price",
                Actual = price.ToString(CultureInfo.InvariantCulture),
            };
        }
        return price;
    }

    public static TradeSide Side(TradeSide side, int row)
    {
        if (side is not TradeSide.Long and not TradeSide.Short)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "An event's side must be Long (+1) or Short (−1).")
            {
                Field = "sides",
                Row = row,
                Expected = "Long or Short",
                Actual = ((int)side).ToString(CultureInfo.InvariantCulture),
            };
        }
        return side;
    }

    /// <summary>Checks label windows: same length, and no window ending before it starts.</summary>
    public static void Windows(ReadOnlySpan<long> t0, ReadOnlySpan<long> t1)
    {
        SameLength("t1", t1.Length, t0.Length);
        for (var i = 0; i < t0.Length; i++)
        {
            if (t1[i] < t0[i])
            {
                throw new ModelingException(ModelingErrorKind.InvalidInput, "A label window ends before it starts (t1 before t0).")
                {
                    Field = "t1",
                    Row = i,
                    Expected = $">= t0 = {Time(t0[i])}",
                    Actual = Time(t1[i]),
                };
            }
        }
    }

    /// <summary>A timestamp as ISO 8601 UTC with microseconds, for messages.</summary>
    public static string Time(long micros) =>
        TickTime.FromMicros(micros).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
}

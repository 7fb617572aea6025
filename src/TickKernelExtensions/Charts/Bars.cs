namespace TickKernelExtensions.Charts;

/// <summary>
/// OHLC bars in columns, for <see cref="TickCharts.Candles"/>: bar open times (UTC) in ascending order, open, high,
/// low and close prices, and an optional volume per bar. Validated when built: equal lengths, ascending times,
/// finite prices, and low ≤ open, close ≤ high. Empty periods are left out, not written as NaN bars.
/// The arrays are kept, not copied: do not change them afterwards.
/// </summary>
public sealed class Bars
{
    /// <summary>Builds and validates the bars; an <see cref="ArgumentException"/> names every bad field at once.</summary>
    /// <param name="times">Bar open times, UTC, ascending.</param>
    /// <param name="open">Open prices.</param>
    /// <param name="high">High prices.</param>
    /// <param name="low">Low prices.</param>
    /// <param name="close">Close prices.</param>
    /// <param name="volume">Volume per bar (any unit, e.g. millions or tick counts), or null.</param>
    public Bars(DateTime[] times, double[] open, double[] high, double[] low, double[] close, double[]? volume = null)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(high);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(close);
        Times = times;
        Open = open;
        High = high;
        Low = low;
        Close = close;
        Volume = volume;
        var errors = Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException($"Bars are invalid: {string.Join("; ", errors)}.");
        }
    }

    /// <summary>
    /// Bars from a query result (e.g. over <c>gold.bars_1m</c>), in row order: the time column (timestamp with or
    /// without zone, read as UTC) and four price columns, by name; the tick count as volume when
    /// <paramref name="volume"/> names a column.
    /// </summary>
    public static Bars FromQuery(
        Lakehouse.Sql.QueryResult result, string time = "open_time", string open = "bid_open", string high = "bid_high",
        string low = "bid_low", string close = "bid_close", string? volume = "tick_count")
    {
        ArgumentNullException.ThrowIfNull(result);
        double[] Doubles(string column) => [.. result.Column(column).Select(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture))];
        var times = result.Column(time).Select(v => v switch
        {
            DateTimeOffset o => o.UtcDateTime,
            DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
            _ => throw new ArgumentException($"Column '{time}' holds {v?.GetType().Name ?? "null"}, expected a timestamp."),
        }).ToArray();
        return new Bars(times, Doubles(open), Doubles(high), Doubles(low), Doubles(close), volume is null ? null : Doubles(volume));
    }

    /// <summary>Number of bars.</summary>
    public int Count => Times.Length;

    /// <summary>Bar open times, UTC, ascending.</summary>
    public DateTime[] Times { get; }

    /// <summary>Open prices.</summary>
    public double[] Open { get; }

    /// <summary>High prices.</summary>
    public double[] High { get; }

    /// <summary>Low prices.</summary>
    public double[] Low { get; }

    /// <summary>Close prices.</summary>
    public double[] Close { get; }

    /// <summary>Volume per bar, or null when the bars carry none.</summary>
    public double[]? Volume { get; }

    private List<string> Validate()
    {
        var errors = new List<string>();
        var n = Times.Length;
        foreach (var (name, length) in new[]
        {
            ("open", Open.Length), ("high", High.Length), ("low", Low.Length), ("close", Close.Length), ("volume", Volume?.Length ?? n),
        })
        {
            if (length != n)
            {
                errors.Add($"{name}: expected {n} values (one per time), actual {length}");
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        for (var i = 1; i < n; i++)
        {
            if (Times[i] <= Times[i - 1])
            {
                errors.Add($"times[{i}]: expected after {Times[i - 1]:O}, actual {Times[i]:O}");
                break;
            }
        }
        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(Open[i]) || !double.IsFinite(High[i]) || !double.IsFinite(Low[i]) || !double.IsFinite(Close[i]))
            {
                errors.Add($"bar {i}: expected finite prices, actual open {Open[i]}, high {High[i]}, low {Low[i]}, close {Close[i]}");
                break;
            }
            if (Low[i] > Math.Min(Open[i], Close[i]) || High[i] < Math.Max(Open[i], Close[i]))
            {
                errors.Add($"bar {i}: expected low ≤ open, close ≤ high, actual open {Open[i]}, high {High[i]}, low {Low[i]}, close {Close[i]}");
                break;
            }
        }
        return errors;
    }
}

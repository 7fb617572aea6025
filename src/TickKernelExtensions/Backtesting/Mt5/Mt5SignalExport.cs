using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// Writes trade signals as the file <c>TickSignalEA</c> replays in the Strategy Tester: UTF-8 text, LF line ends,
/// comma separated, no quoting (text fields may not hold commas), a version line, a header, one row per signal in time
/// order, and a trailer with the row count and the SHA-256 of every byte before it, so the EA can refuse a truncated
/// or edited file.
/// <code>
/// #tick-signals,version=1,symbol=EURUSD,server-time=utc
/// id,time,symbol,action,confidence,anomaly_score,expiry,model_name,model_version,reason
/// 3f2a9c0d1e4b5a68,2024.03.04 10:00:00.123,EURUSD,buy,0.71,0.12,2024.03.04 10:15:00.123,gold-core-direction,3,meta-label
/// #end,rows=1,sha256=&lt;64 hex digits&gt;
/// </code>
/// Times are the server wall clock (as in the tick file), <c>yyyy.MM.dd HH:mm:ss.fff</c>: the signal time floored and
/// the expiry rounded up to the millisecond, so validity is never shortened. action is <c>buy</c>, <c>sell</c> or
/// <c>flat</c>; anomaly_score is empty when none was computed; numbers use '.' and the shortest form that round-trips.
/// The id is stable: the first 16 hex digits of the SHA-256 of the signal's canonical JSON (<see cref="TradeSignalJson"/>),
/// so the same signal exported twice keeps its id. Thread safe.
/// </summary>
public static class Mt5SignalExport
{
    /// <summary>First field of the version line.</summary>
    public const string Magic = "#tick-signals";

    /// <summary>The format version written and read.</summary>
    public const int Version = 1;

    /// <summary>The header line.</summary>
    public const string Header = "id,time,symbol,action,confidence,anomaly_score,expiry,model_name,model_version,reason";

    /// <summary>First field of the trailer line.</summary>
    public const string TrailerMagic = "#end";

    /// <summary>Characters a text field may not contain.</summary>
    internal static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(
        ",=\r\n\t\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000B\u000C\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F");

    /// <summary>The stable id of a signal: 16 lower-case hex digits of the SHA-256 of its canonical JSON.</summary>
    public static string IdOf(TradeSignal signal) => IdOfJson(TradeSignalJson.Serialize(signal));

    /// <summary>
    /// <see cref="IdOf"/> from the signal's canonical JSON (<see cref="TradeSignalJson.Serialize"/>), for a caller that
    /// has serialised it already and would otherwise serialise it twice.
    /// </summary>
    public static string IdOfJson(string canonicalJson)
    {
        ArgumentNullException.ThrowIfNull(canonicalJson);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(canonicalJson.Length);
        var rented = length <= 1024 ? null : System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            Span<byte> utf8 = rented ?? stackalloc byte[1024];
            SHA256.HashData(utf8[..Encoding.UTF8.GetBytes(canonicalJson, utf8)], hash);
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
        return Convert.ToHexStringLower(hash[..8]);
    }

    /// <summary>The file's text (see the type summary).</summary>
    /// <exception cref="Mt5Exception">InvalidOptions; InvalidInput naming the row's file line, the field, expected and actual.</exception>
    public static string Format(IReadOnlyList<TradeSignal> signals, Mt5SignalExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var b = new StringBuilder(128 * (signals.Count + 3));
        b.Append(Magic).Append(",version=").Append(Version.ToString(CultureInfo.InvariantCulture))
            .Append(",symbol=").Append(options.Symbol).Append(",server-time=").Append(options.ServerTime.Name).Append('\n');
        b.Append(Header).Append('\n');
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var previous = DateTime.MinValue;
        for (var i = 0; i < signals.Count; i++)
        {
            var line = i + 3;
            var s = signals[i] ?? throw Invalid(line, "signal", "a signal", "null", "A signal is missing.");
            try
            {
                s.Validate();
            }
            catch (ModelingException e)
            {
                throw new Mt5Exception(Mt5ErrorKind.InvalidInput, e.Message, e) { Line = line };
            }
            if (!string.Equals(s.Symbol, options.Symbol, StringComparison.Ordinal))
            {
                throw Invalid(line, "symbol", options.Symbol, s.Symbol, "A signal is for another symbol than the file's.");
            }
            if (s.Time < previous)
            {
                throw Invalid(line, "time", $"at or after {TradeSignal.Format(previous)} (the previous signal)", TradeSignal.Format(s.Time), "Signals are out of time order.");
            }
            Text(line, "modelName", s.ModelName);
            Text(line, "modelVersion", s.ModelVersion);
            Text(line, "reason", s.Reason);
            var id = IdOf(s);
            if (!ids.Add(id))
            {
                throw Invalid(line, "id", "each signal once", id, "The same signal appears twice.");
            }
            previous = s.Time;
            var time = ServerMillis(options.ServerTime, s.TimeMicros, roundUp: false);
            var expiry = ServerMillis(options.ServerTime, s.ExpiryMicros, roundUp: true);
            b.Append(id).Append(',')
                .Append(Mt5Text.FormatDateTime(time)).Append(',')
                .Append(s.Symbol).Append(',')
                .Append(ActionName(s.Action)).Append(',')
                .Append(s.Confidence.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(double.IsNaN(s.AnomalyScore) ? "" : s.AnomalyScore.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(Mt5Text.FormatDateTime(expiry)).Append(',')
                .Append(s.ModelName).Append(',')
                .Append(s.ModelVersion).Append(',')
                .Append(s.Reason).Append('\n');
        }
        var body = Encoding.UTF8.GetBytes(b.ToString());
        b.Append(TrailerMagic).Append(",rows=").Append(signals.Count.ToString(CultureInfo.InvariantCulture))
            .Append(",sha256=").Append(Convert.ToHexStringLower(SHA256.HashData(body))).Append('\n');
        return b.ToString();
    }

    /// <summary>Writes the file atomically (a temporary file beside <paramref name="path"/>, renamed over it).</summary>
    public static async Task<Mt5ExportSummary> WriteAsync(
        IReadOnlyList<TradeSignal> signals, string path, Mt5SignalExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var text = Format(signals, options);
        var bytes = Encoding.UTF8.GetBytes(text);
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temp, bytes, cancellationToken);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        DateTime? First(int i) => signals.Count == 0 ? null : options.ServerTime.ToServer(signals[i].Time);
        return new Mt5ExportSummary(full, signals.Count, First(0), First(signals.Count - 1), Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    internal static string ActionName(SignalAction action) => action switch
    {
        SignalAction.Buy => "buy",
        SignalAction.Sell => "sell",
        _ => "flat",
    };

    private static long ServerMillis(Mt5ServerTime clock, long utcMicros, bool roundUp)
    {
        var offset = (long)clock.OffsetAt(TickTime.FromMicros(utcMicros)).TotalMilliseconds;
        var millis = roundUp ? -Mt5ServerTime.FloorDiv(-utcMicros, TickTime.MicrosPerMilli) : Mt5ServerTime.FloorDiv(utcMicros, TickTime.MicrosPerMilli);
        return millis + offset;
    }

    private static void Text(int line, string field, string value)
    {
        var at = value.AsSpan().IndexOfAny(Forbidden);
        if (at >= 0)
        {
            throw Invalid(line, field, "text without commas, '=' or control characters", value, $"A signal's {field} cannot be written to the CSV file (character {at}).");
        }
    }

    private static Mt5Exception Invalid(int line, string field, string expected, string actual, string message) =>
        new(Mt5ErrorKind.InvalidInput, message) { Line = line, Field = field, Expected = expected, Actual = actual };
}

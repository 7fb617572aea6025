using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// Names in the Hive layout <c>symbol=EURUSD/date=2019-02-04/&lt;sourceId&gt;.parquet</c>. Symbols and
/// source ids are restricted to characters that need no escaping on any file system or in Hive/Spark/
/// DuckDB partition parsing, and may not start with '.' or '_', which those readers treat as hidden.
/// </summary>
internal static class HivePath
{
    public const string SymbolKey = "symbol";
    public const string DateKey = "date";
    public const string Extension = ".parquet";
    private const string DateFormat = "yyyy-MM-dd";
    private const string Allowed = "letters, digits, '.', '-' or '_', not starting with '.' or '_', at most 100 characters";

    public static void ValidateName(string value, string field, string? source)
    {
        ArgumentNullException.ThrowIfNull(value);
        var ok = value.Length is > 0 and <= 100 && value[0] != '.' && value[0] != '_'
            && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');
        if (!ok)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions, $"Invalid {field} for a dataset path.")
            {
                File = source,
                Field = field,
                Expected = Allowed,
                Actual = value,
            };
        }
    }

    public static string PartitionDirectory(string root, string symbol, DateOnly date) =>
        Path.Combine(root, $"{SymbolKey}={symbol}", $"{DateKey}={FormatDate(date)}");

    public static string RelativePath(string symbol, DateOnly date, string fileName) =>
        $"{SymbolKey}={symbol}/{DateKey}={FormatDate(date)}/{fileName}";

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads <c>key=value</c> from a directory name; false for anything else.</summary>
    public static bool TryValue(string directoryName, string key, out string value)
    {
        value = "";
        if (!directoryName.StartsWith(key + "=", StringComparison.Ordinal))
        {
            return false;
        }
        value = directoryName[(key.Length + 1)..];
        return value.Length > 0;
    }

    public static bool TryDate(string directoryName, out DateOnly date)
    {
        date = default;
        return TryValue(directoryName, DateKey, out var text)
            && DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>UTC day number (days since 1970-01-01) of a timestamp, by floor division.</summary>
    public static long DayOf(long micros)
    {
        var day = micros / TickTime.MicrosPerDay;
        return micros % TickTime.MicrosPerDay < 0 ? day - 1 : day;
    }

    public static DateOnly DateOfDay(long day) => DateOnly.FromDayNumber(checked((int)(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + day)));
}

using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Writes a query result as text (<see cref="QueryOutputFormat"/>): for <c>pipeline sql</c> and notebooks. CSV and
/// JSON stream row by row; the table format holds the rows it prints to size the columns, so cap it with
/// <c>maxRows</c> for big results. Values render invariantly: timestamps as <c>yyyy-MM-dd HH:mm:ss.fffffff</c> (UTC),
/// dates as <c>yyyy-MM-dd</c>, doubles round-trip, blobs as <c>0x</c> hex (base64 in JSON).
/// </summary>
public static class QueryResultWriter
{
    /// <summary>Writes the rows (at most <paramref name="maxRows"/> when given) and returns how many were written and whether more were left.</summary>
    public static async Task<(long Written, bool Truncated)> WriteAsync(
        TextWriter writer,
        IReadOnlyList<QueryColumn> columns,
        IAsyncEnumerable<object?[]> rows,
        QueryOutputFormat format,
        long? maxRows = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (maxRows is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRows), maxRows, "maxRows must be zero or more.");
        }
        var limited = Limit(rows, maxRows, cancellationToken);
        var result = format switch
        {
            QueryOutputFormat.Table => await WriteTableAsync(writer, columns, limited, cancellationToken),
            QueryOutputFormat.Csv => await WriteCsvAsync(writer, columns, limited, cancellationToken),
            QueryOutputFormat.Json => await WriteJsonAsync(writer, columns, limited, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown output format."),
        };
        await writer.FlushAsync(cancellationToken);
        return result;
    }

    /// <summary>Writes a whole <see cref="QueryResult"/>.</summary>
    public static Task<(long Written, bool Truncated)> WriteAsync(
        TextWriter writer, QueryResult result, QueryOutputFormat format, long? maxRows = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return WriteAsync(writer, result.Columns, result.Rows.ToAsyncEnumerable(), format, maxRows, cancellationToken);
    }

    /// <summary>One value as the table and CSV formats show it (null as null).</summary>
    public static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + (t.Offset == TimeSpan.Zero ? " UTC" : t.ToString(" zzz", CultureInfo.InvariantCulture)),
        byte[] bytes => "0x" + Convert.ToHexString(bytes),
        object?[] items => "[" + string.Join(", ", items.Select(i => Text(i) ?? "NULL")) + "]",
        IDictionary<string, object?> map => "{" + string.Join(", ", map.Select(p => p.Key + ": " + (Text(p.Value) ?? "NULL"))) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private sealed class Counter
    {
        public long Written;
        public bool Truncated;
    }

    private static async IAsyncEnumerable<object?[]> LimitCore(IAsyncEnumerable<object?[]> rows, long? maxRows, Counter counter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (maxRows is { } max && counter.Written >= max)
            {
                counter.Truncated = true;
                yield break;
            }
            counter.Written++;
            yield return row;
        }
    }

    private static (IAsyncEnumerable<object?[]> Rows, Counter Counter) Limit(IAsyncEnumerable<object?[]> rows, long? maxRows, CancellationToken cancellationToken)
    {
        var counter = new Counter();
        return (LimitCore(rows, maxRows, counter, cancellationToken), counter);
    }

    private static async Task<(long, bool)> WriteTableAsync(
        TextWriter writer, IReadOnlyList<QueryColumn> columns, (IAsyncEnumerable<object?[]> Rows, Counter Counter) rows, CancellationToken cancellationToken)
    {
        var cells = new List<string[]>();
        var numeric = new bool[columns.Count];
        await foreach (var row in rows.Rows.WithCancellation(cancellationToken))
        {
            var line = new string[columns.Count];
            for (var i = 0; i < line.Length; i++)
            {
                line[i] = Text(row[i]) ?? "NULL";
                numeric[i] |= row[i] is long or int or short or sbyte or byte or ushort or uint or ulong or double or float or decimal or BigInteger;
            }
            cells.Add(line);
        }
        var widths = columns.Select((c, i) => Math.Max(c.Name.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        await writer.WriteLineAsync(Line(columns.Select(c => c.Name).ToArray(), widths, new bool[columns.Count]));
        await writer.WriteLineAsync(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var line in cells)
        {
            await writer.WriteLineAsync(Line(line, widths, numeric));
        }
        var counter = rows.Counter;
        await writer.WriteLineAsync(counter.Truncated
            ? string.Create(CultureInfo.InvariantCulture, $"(first {counter.Written} rows; more not shown)")
            : string.Create(CultureInfo.InvariantCulture, $"({counter.Written} row{(counter.Written == 1 ? "" : "s")})"));
        return (counter.Written, counter.Truncated);
    }

    private static string Line(string[] values, int[] widths, bool[] rightAligned) =>
        string.Join(" | ", values.Select((v, i) => rightAligned[i] ? v.PadLeft(widths[i]) : v.PadRight(widths[i]))).TrimEnd();

    private static async Task<(long, bool)> WriteCsvAsync(
        TextWriter writer, IReadOnlyList<QueryColumn> columns, (IAsyncEnumerable<object?[]> Rows, Counter Counter) rows, CancellationToken cancellationToken)
    {
        await writer.WriteAsync(string.Join(",", columns.Select(c => Csv(c.Name))) + "\r\n");
        await foreach (var row in rows.Rows.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(string.Join(",", row.Select(v => v is null ? "" : Csv(Text(v)!))) + "\r\n");
        }
        return (rows.Counter.Written, rows.Counter.Truncated);
    }

    private static string Csv(string text) =>
        text.Length > 0 && (text.IndexOfAny([',', '"', '\r', '\n']) >= 0 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
            ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : text;

    private static async Task<(long, bool)> WriteJsonAsync(
        TextWriter writer, IReadOnlyList<QueryColumn> columns, (IAsyncEnumerable<object?[]> Rows, Counter Counter) rows, CancellationToken cancellationToken)
    {
        await writer.WriteAsync("[");
        var first = true;
        using var buffer = new MemoryStream();
        await foreach (var row in rows.Rows.WithCancellation(cancellationToken))
        {
            buffer.SetLength(0);
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                for (var i = 0; i < columns.Count; i++)
                {
                    json.WritePropertyName(columns[i].Name);
                    Json(json, row[i]);
                }
                json.WriteEndObject();
            }
            await writer.WriteAsync((first ? "\n" : ",\n") + Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            first = false;
        }
        await writer.WriteAsync(first ? "]\n" : "\n]\n");
        return (rows.Counter.Written, rows.Counter.Truncated);
    }

    private static void Json(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case long or int or short or sbyte or byte or ushort or uint:
                json.WriteNumberValue(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                break;
            case ulong u:
                json.WriteNumberValue(u);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case double d when double.IsFinite(d):
                json.WriteNumberValue(d);
                break;
            case float f when float.IsFinite(f):
                json.WriteNumberValue(f);
                break;
            case BigInteger big:
                json.WriteRawValue(big.ToString(CultureInfo.InvariantCulture));
                break;
            case DateTime t:
                json.WriteStringValue(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + (t.Kind == DateTimeKind.Utc ? "Z" : ""));
                break;
            case DateTimeOffset t:
                json.WriteStringValue(t.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
                break;
            case byte[] bytes:
                json.WriteBase64StringValue(bytes);
                break;
            case object?[] items:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    Json(json, item);
                }
                json.WriteEndArray();
                break;
            case IDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    json.WritePropertyName(key);
                    Json(json, item);
                }
                json.WriteEndObject();
                break;
            default:
                json.WriteStringValue(Text(value));
                break;
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TickKernelExtensions.Execution;

/// <summary>
/// The demo executor's durable, append-only journal: one JSON object per line, each with its sequence number and a
/// checksum, <c>{"seq":7,"type":"fill",…,"sum":"0123456789abcdef"}</c>, where <c>sum</c> is the first 8 bytes (hex)
/// of the SHA-256 of the line without its <c>,"sum":"…"</c> member. <see cref="Append"/> writes the line and flushes it
/// to the disk (<see cref="FileStream.Flush(bool)"/> with flushToDisk) before it returns, so a record the caller has
/// seen returned survives a crash. <see cref="Open"/> reads the file back: a last line without its newline or with a
/// bad checksum is the torn tail of a crashed write and is truncated; a bad line before it is corruption and an
/// <see cref="ExecutionException"/> (CorruptJournal) naming the file, line, field, expected and actual value. One
/// writer per file (others may read); not thread safe.
/// </summary>
public sealed class ExecutionJournal : IDisposable
{
    private const string SumMember = ",\"sum\":\"";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private readonly FileStream _stream;

    private ExecutionJournal(string path, FileStream stream, List<ExecutionRecord> records, long truncatedBytes)
    {
        Path = path;
        _stream = stream;
        Records = records;
        TruncatedBytes = truncatedBytes;
        LastSequence = records.Count == 0 ? 0 : records[^1].Seq;
    }

    /// <summary>The journal file.</summary>
    public string Path { get; }

    /// <summary>The records the file held when it was opened (after the torn tail, if any, was cut).</summary>
    public IReadOnlyList<ExecutionRecord> Records { get; }

    /// <summary>Bytes of a torn last line cut off when the journal was opened; 0 when the file ended cleanly.</summary>
    public long TruncatedBytes { get; }

    /// <summary>The sequence number of the last record written (0 for an empty journal).</summary>
    public long LastSequence { get; private set; }

    /// <summary>Opens (or creates) the journal for appending, reading back what it holds and cutting a torn last line.</summary>
    /// <exception cref="ExecutionException">CorruptJournal for a damaged line before the last one or a sequence gap.</exception>
    public static ExecutionJournal Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        var stream = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
        try
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            var (records, goodLength) = Parse(full, bytes);
            var cut = bytes.Length - goodLength;
            if (cut > 0)
            {
                stream.SetLength(goodLength);
                stream.Flush(flushToDisk: true);
            }
            stream.Position = goodLength;
            return new ExecutionJournal(full, stream, records, cut);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a journal without changing it; a torn last line is left out (see <see cref="Open"/>).</summary>
    /// <exception cref="ExecutionException">CorruptJournal as for <see cref="Open"/>.</exception>
    public static IReadOnlyList<ExecutionRecord> ReadAll(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Parse(full, bytes).Records;
    }

    /// <summary>
    /// Writes <paramref name="record"/> with the next sequence number and flushes it to the disk; returns it as written.
    /// Only after this returns may the event be acknowledged.
    /// </summary>
    public ExecutionRecord Append(ExecutionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var written = record with { Seq = LastSequence + 1 };
        var line = Format(written);
        _stream.Write(Encoding.UTF8.GetBytes(line));
        _stream.Flush(flushToDisk: true);
        LastSequence = written.Seq;
        return written;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    /// <summary>The line (newline included) <see cref="Append"/> writes for <paramref name="record"/>.</summary>
    internal static string Format(ExecutionRecord record)
    {
        var body = JsonSerializer.Serialize(record, Json);
        return string.Concat(body.AsSpan(0, body.Length - 1), SumMember, Sum(body), "\"}\n");
    }

    private static string Sum(string body) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)).AsSpan(0, 8));

    private static (List<ExecutionRecord> Records, long GoodLength) Parse(string file, byte[] bytes)
    {
        var records = new List<ExecutionRecord>();
        var start = 0;
        var line = 0;
        while (start < bytes.Length)
        {
            line++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            var last = end < 0 || end == bytes.Length - 1;
            if (end < 0)
            {
                return (records, start);
            }
            var text = Encoding.UTF8.GetString(bytes, start, end - start);
            var (record, error) = TryParse(text, records.Count + 1);
            if (record is null)
            {
                if (last)
                {
                    return (records, start);
                }
                throw new ExecutionException(ExecutionErrorKind.CorruptJournal, error!.Message)
                {
                    File = file, Line = line, Field = error.Field, Expected = error.Expected, Actual = error.Actual,
                };
            }
            records.Add(record);
            start = end + 1;
        }
        return (records, start);
    }

    private static (ExecutionRecord? Record, Problem? Error) TryParse(string text, long expectedSeq)
    {
        static Problem Bad(string message, string field, string expected, string actual) => new(message, field, expected, actual);

        var at = text.LastIndexOf(SumMember, StringComparison.Ordinal);
        if (at < 0 || !text.EndsWith("\"}", StringComparison.Ordinal))
        {
            return (null, Bad("The journal line has no checksum.", "sum", "a line ending in ,\"sum\":\"<16 hex>\"}", Clip(text)));
        }
        var body = string.Concat(text.AsSpan(0, at), "}");
        var sum = text[(at + SumMember.Length)..^2];
        var expected = Sum(body);
        if (!string.Equals(sum, expected, StringComparison.Ordinal))
        {
            return (null, Bad("The journal line's checksum does not match its content.", "sum", expected, sum));
        }
        ExecutionRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<ExecutionRecord>(body, Json);
        }
        catch (JsonException e)
        {
            return (null, Bad($"The journal line is not a valid record: {e.Message}", e.Path ?? "json", "an execution record", Clip(text)));
        }
        if (record is null)
        {
            return (null, Bad("The journal line is not a record.", "json", "an execution record", Clip(text)));
        }
        if (record.Seq != expectedSeq)
        {
            return (null, Bad("The journal's sequence has a gap or repeats.", "seq", expectedSeq.ToString(System.Globalization.CultureInfo.InvariantCulture),
                record.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return (record, null);
    }

    private sealed record Problem(string Message, string Field, string Expected, string Actual);

    private static string Clip(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 77), "...");
}

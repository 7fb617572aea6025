using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace TickKernelExtensions.Ingest.Raw;

/// <summary>
/// The append-only JSON-lines manifest of one raw-zone source. Appends are serialised and flushed line
/// by line; a torn last line (a crash mid-write) is ignored on read, so the manifest stays readable.
/// Thread safe.
/// </summary>
public sealed class RawManifest
{
    /// <summary>The manifest's file name inside a source folder.</summary>
    public const string FileName = "_manifest.jsonl";

    internal static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly Lock _gate = new();

    public RawManifest(string path) => FilePath = path ?? throw new ArgumentNullException(nameof(path));

    /// <summary>The manifest file.</summary>
    public string FilePath { get; }

    /// <summary>Appends one entry as one line and flushes it to disk.</summary>
    public void Append(RawManifestEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var line = JsonSerializer.Serialize(entry, Json) + "\n";
        var bytes = Encoding.UTF8.GetBytes(line);
        lock (_gate)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            using var stream = new FileStream(FilePath, FileMode.Append, FileAccess.Write, FileShare.Read);
            if (stream.Position > 0 && !EndsWithNewline())
            {
                // A previous writer died mid-line: start on a fresh line so this entry stays parseable.
                stream.WriteByte((byte)'\n');
            }
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Every readable entry, oldest first. Unparseable lines (a torn tail) are skipped.</summary>
    public IReadOnlyList<RawManifestEntry> ReadAll()
    {
        lock (_gate)
        {
            if (!File.Exists(FilePath))
            {
                return [];
            }
            var entries = new List<RawManifestEntry>();
            foreach (var line in File.ReadLines(FilePath))
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }
                try
                {
                    if (JsonSerializer.Deserialize<RawManifestEntry>(line, Json) is { } entry)
                    {
                        entries.Add(entry);
                    }
                }
                catch (JsonException)
                {
                    // A torn line from an interrupted append; the data file itself is the truth.
                }
            }
            return entries;
        }
    }

    /// <summary>The current state: the last entry per path.</summary>
    public IReadOnlyDictionary<string, RawManifestEntry> Latest()
    {
        var latest = new Dictionary<string, RawManifestEntry>(StringComparer.Ordinal);
        foreach (var entry in ReadAll())
        {
            latest[entry.Path] = entry;
        }
        return latest;
    }

    private bool EndsWithNewline()
    {
        using var read = new FileStream(FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (read.Length == 0)
        {
            return true;
        }
        read.Seek(-1, SeekOrigin.End);
        return read.ReadByte() == '\n';
    }
}

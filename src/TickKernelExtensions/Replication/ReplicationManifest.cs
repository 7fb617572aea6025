using System.Text.Json;
using System.Text.Json.Serialization;

namespace TickKernelExtensions.Replication;

/// <summary>
/// The resumable state of replicating one source folder to one destination: the files the destination holds,
/// verified (size, SHA-256, source modification time), and the multipart uploads still open. Saved as one JSON
/// document, written to a temporary file, flushed and renamed, so a crash leaves the previous version whole.
/// A file missing from it (a crash before the checkpoint) is found again at the destination by HEAD, not re-sent.
/// Thread safe.
/// </summary>
public sealed class ReplicationManifest
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    private readonly Lock _gate = new();
    private readonly Lock _saveGate = new();
    private readonly Document _doc;

    private ReplicationManifest(string path, Document doc)
    {
        FilePath = path;
        _doc = doc;
    }

    /// <summary>The manifest file.</summary>
    public string FilePath { get; }

    /// <summary>The destination it describes (a store location URI).</summary>
    public string Destination => _doc.Destination;

    /// <summary>
    /// Loads the manifest at <paramref name="path"/>, or starts an empty one. A manifest for another destination is a
    /// <see cref="ReplicationErrorKind.ManifestMismatch"/>, as is an unreadable one (it is never silently replaced).
    /// </summary>
    public static ReplicationManifest Load(string path, string destination)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return new ReplicationManifest(path, new Document { Destination = destination });
        }
        Document? doc;
        try
        {
            doc = JsonSerializer.Deserialize<Document>(File.ReadAllBytes(path), Json);
        }
        catch (JsonException e)
        {
            throw new ReplicationException(ReplicationErrorKind.ManifestMismatch, $"The replication manifest is not valid JSON: {e.Message}", e) { File = path };
        }
        if (doc is null || doc.Version != 1)
        {
            throw new ReplicationException(ReplicationErrorKind.ManifestMismatch, "Unknown replication manifest format.")
            {
                File = path, Field = "version", Expected = "1", Actual = doc?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null",
            };
        }
        if (!string.Equals(doc.Destination, destination, StringComparison.Ordinal))
        {
            throw new ReplicationException(ReplicationErrorKind.ManifestMismatch, "The replication manifest belongs to another destination.")
            {
                File = path, Field = "destination", Expected = destination, Actual = doc.Destination,
            };
        }
        return new ReplicationManifest(path, doc);
    }

    /// <summary>The recorded state of a file (path relative to the source, forward slashes), or null.</summary>
    public ReplicatedFile? Get(string path)
    {
        lock (_gate)
        {
            return _doc.Files.GetValueOrDefault(path);
        }
    }

    /// <summary>Every file recorded as replicated.</summary>
    public IReadOnlyDictionary<string, ReplicatedFile> Files
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, ReplicatedFile>(_doc.Files, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The multipart uploads recorded as open.</summary>
    public IReadOnlyList<PendingUpload> PendingUploads
    {
        get
        {
            lock (_gate)
            {
                return [.. _doc.PendingUploads];
            }
        }
    }

    internal void MarkDone(string path, ReplicatedFile file)
    {
        lock (_gate)
        {
            _doc.Files[path] = file;
        }
    }

    internal void AddPending(PendingUpload upload)
    {
        lock (_gate)
        {
            _doc.PendingUploads.Add(upload);
        }
    }

    internal void RemovePending(string uploadId)
    {
        lock (_gate)
        {
            _doc.PendingUploads.RemoveAll(u => u.UploadId == uploadId);
        }
    }

    /// <summary>Writes the manifest atomically (temporary file, flush, rename).</summary>
    public void Save()
    {
        byte[] bytes;
        lock (_gate)
        {
            bytes = JsonSerializer.SerializeToUtf8Bytes(_doc, Json);
        }
        lock (_saveGate)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(FilePath))!;
            Directory.CreateDirectory(dir);
            var temp = Path.Combine(dir, $".{Path.GetFileName(FilePath)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(bytes);
                    stream.Flush(flushToDisk: true);
                }
                File.Move(temp, FilePath, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
        }
    }

    private sealed class Document
    {
        [JsonPropertyName("version")]
        public int Version { get; set; } = 1;

        [JsonPropertyName("destination")]
        public string Destination { get; set; } = "";

        [JsonPropertyName("files")]
        public SortedDictionary<string, ReplicatedFile> Files { get; set; } = new(StringComparer.Ordinal);

        [JsonPropertyName("pending_uploads")]
        public List<PendingUpload> PendingUploads { get; set; } = [];
    }
}

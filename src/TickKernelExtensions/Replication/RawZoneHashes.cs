using System.Collections.Concurrent;
using TickKernelExtensions.Ingest.Raw;

namespace TickKernelExtensions.Replication;

/// <summary>
/// The SHA-256 the raw zone recorded for each file it stored: for a file below a folder holding a
/// <c>_manifest.jsonl</c> (<see cref="RawManifest"/>), the last <c>stored</c>/<c>already_stored</c> line for its path.
/// A file whose bytes no longer hash to that value was edited or rotted after it was received, and is not
/// replicated. Manifests are read once per folder. Thread safe.
/// </summary>
internal sealed class RawZoneHashes(string root)
{
    private readonly ConcurrentDictionary<string, Lazy<IReadOnlyDictionary<string, string>>> _byFolder = new(StringComparer.Ordinal);

    /// <summary>The recorded SHA-256 of a file (path relative to the root), with the manifest it came from; null when none records it.</summary>
    public (string Sha256, string Manifest)? Recorded(string relativePath)
    {
        var segments = relativePath.Split('/');
        for (var depth = segments.Length - 1; depth >= 0; depth--)
        {
            var folder = Path.Combine([root, .. segments[..depth]]);
            var manifest = Path.Combine(folder, RawManifest.FileName);
            if (!File.Exists(manifest))
            {
                continue;
            }
            var hashes = _byFolder.GetOrAdd(folder, f => new Lazy<IReadOnlyDictionary<string, string>>(() => Read(manifest))).Value;
            var inner = string.Join('/', segments[depth..]);
            return hashes.TryGetValue(inner, out var sha) ? (sha, manifest) : null;
        }
        return null;
    }

    private static IReadOnlyDictionary<string, string> Read(string manifest)
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new RawManifest(manifest).ReadAll())
        {
            if (entry is { Verdict: RawVerdict.Stored or RawVerdict.AlreadyStored, Sha256: { } sha })
            {
                hashes[entry.Path] = sha;
            }
        }
        return hashes;
    }
}

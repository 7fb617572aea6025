using System.Text.Json;
using System.Text.Json.Serialization;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// What <see cref="MlflowSync"/> has replayed to one server: local run id → server run id, registered models created,
/// model versions (<c>name/version</c> → server version), aliases (<c>name/alias</c> → local version) and the server
/// runs' artifact URIs (server run id → URI, for version sources). Kept as
/// JSON beside the <c>mlruns/</c> folder (never inside it: MLflow would take a folder there for an experiment).
/// </summary>
public sealed class SyncState
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    [JsonPropertyName("runs")]
    public Dictionary<string, string> Runs { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("models")]
    public HashSet<string> Models { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("model_versions")]
    public Dictionary<string, int> ModelVersions { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("aliases")]
    public Dictionary<string, int> Aliases { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("artifact_uris")]
    public Dictionary<string, string> ArtifactUris { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The state for <paramref name="target"/> in the file <paramref name="path"/> (empty when the file or the target is absent).</summary>
    public static SyncState Load(string path, string target)
    {
        var all = ReadAll(path);
        return all.TryGetValue(target, out var state) ? state : new SyncState();
    }

    /// <summary>Replaces the state for <paramref name="target"/> in <paramref name="path"/>, atomically; other targets' states stay.</summary>
    public void Save(string path, string target)
    {
        var all = ReadAll(path);
        all[target] = this;
        AtomicText.Replace(path, JsonSerializer.Serialize(new SortedDictionary<string, SyncState>(all, StringComparer.Ordinal), Json) + "\n");
    }

    private static Dictionary<string, SyncState> ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            return new Dictionary<string, SyncState>(StringComparer.Ordinal);
        }
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, SyncState>>(File.ReadAllText(path), Json) ?? [];
        }
        catch (JsonException e)
        {
            throw new TrackingException(TrackingErrorKind.InvalidFormat, $"not a sync state file: {e.Message}", e) { File = path };
        }
    }
}

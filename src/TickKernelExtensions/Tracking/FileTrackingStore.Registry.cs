using System.Globalization;
using System.Text;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tracking;

public sealed partial class FileTrackingStore
{
    private string ModelFolder(string name) => Path.Combine(Root, ModelsFolder, name);

    /// <inheritdoc />
    public Task EnsureRegisteredModelAsync(string name, string? description = null, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        var folder = ModelFolder(name);
        if (!File.Exists(Path.Combine(folder, Meta)))
        {
            var now = Now();
            // dict(RegisteredModel) minus tags and latest_versions (model_registry/file_store.py).
            AtomicText.Replace(Path.Combine(folder, Meta), MetaYaml.Write(
            [
                ("creation_timestamp", MetaYaml.Int(now)),
                ("description", MetaYaml.Str(description)),
                ("last_updated_timestamp", MetaYaml.Int(now)),
                ("name", MetaYaml.Str(name)),
            ]));
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<ModelVersion> CreateModelVersionAsync(string name, string source, string? runId, string? description = null, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        var folder = ModelFolder(name);
        if (!File.Exists(Path.Combine(folder, Meta)))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"Registered model '{name}' does not exist.") { File = folder };
        }
        var version = VersionNumbers(folder).DefaultIfEmpty(0).Max() + 1;
        var now = Now();
        // dict(FileModelVersion) minus tags; aliases live in aliases/<alias>, current_stage "None" is STAGE_NONE.
        AtomicText.Replace(Path.Combine(folder, $"version-{version}", Meta), MetaYaml.Write(
        [
            ("aliases", "[]"),
            ("creation_timestamp", MetaYaml.Int(now)),
            ("current_stage", "None"),
            ("description", MetaYaml.Str(description)),
            ("last_updated_timestamp", MetaYaml.Int(now)),
            ("name", MetaYaml.Str(name)),
            ("run_id", MetaYaml.Str(runId)),
            ("run_link", "null"),
            ("source", MetaYaml.Str(source)),
            ("status", "READY"),
            ("status_message", "null"),
            ("storage_location", MetaYaml.Str(source)),
            ("user_id", "null"),
            ("version", MetaYaml.Int(version)),
        ]));
        TouchModel(folder, now);
        return Task.FromResult(new ModelVersion(name, version, source, runId, now, description));
    }

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        TrackingKeys.ValidateModelName(name);
        TrackingKeys.ValidateAlias(alias);
        var folder = ModelFolder(name);
        if (!File.Exists(Path.Combine(folder, $"version-{version}", Meta)))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"Registered model '{name}' has no version {version}.") { File = folder };
        }
        AtomicText.Replace(Path.Combine(folder, "aliases", alias), version.ToString(CultureInfo.InvariantCulture));
        TouchModel(folder, Now());
        return Task.CompletedTask;
    }

    /// <summary>Every registered model with its versions (deleted ones left out) and aliases, by name.</summary>
    public IReadOnlyList<RegisteredModel> ListRegisteredModels()
    {
        var models = Path.Combine(Root, ModelsFolder);
        if (!Directory.Exists(models))
        {
            return [];
        }
        var result = new List<RegisteredModel>();
        foreach (var folder in Directory.EnumerateDirectories(models).Order(StringComparer.Ordinal))
        {
            var metaPath = Path.Combine(folder, Meta);
            if (!File.Exists(metaPath))
            {
                continue;
            }
            var meta = MetaYaml.Read(metaPath);
            var name = MetaYaml.Required(meta, "name", metaPath);
            var versions = new List<ModelVersion>();
            foreach (var n in VersionNumbers(folder).Order())
            {
                var path = Path.Combine(folder, $"version-{n}", Meta);
                var v = MetaYaml.Read(path);
                if (v.GetValueOrDefault("current_stage") == "Deleted_Internal")
                {
                    continue;
                }
                versions.Add(new ModelVersion(name, n, MetaYaml.Required(v, "source", path), v.GetValueOrDefault("run_id"),
                    MetaYaml.OptionalLong(v, "creation_timestamp", path) ?? 0, v.GetValueOrDefault("description")));
            }
            var aliases = new Dictionary<string, int>(StringComparer.Ordinal);
            var aliasFolder = Path.Combine(folder, "aliases");
            if (Directory.Exists(aliasFolder))
            {
                foreach (var file in Directory.EnumerateFiles(aliasFolder).Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)))
                {
                    var text = File.ReadAllText(file, Encoding.UTF8).Trim();
                    aliases[Path.GetFileName(file)] = int.TryParse(text, CultureInfo.InvariantCulture, out var n) ? n
                        : throw new TrackingException(TrackingErrorKind.InvalidFormat, $"expected a version number, actual '{text}'") { File = file };
                }
            }
            result.Add(new RegisteredModel(name, MetaYaml.OptionalLong(meta, "creation_timestamp", metaPath) ?? 0, meta.GetValueOrDefault("description"), versions, aliases));
        }
        return result;
    }

    private static IEnumerable<int> VersionNumbers(string modelFolder) =>
        Directory.Exists(modelFolder)
            ? Directory.EnumerateDirectories(modelFolder, "version-*")
                .Select(d => int.TryParse(Path.GetFileName(d)["version-".Length..], CultureInfo.InvariantCulture, out var n) ? n : -1)
                .Where(n => n > 0)
            : [];

    private static void TouchModel(string folder, long now)
    {
        var path = Path.Combine(folder, Meta);
        var text = File.ReadAllText(path, Encoding.UTF8);
        var lines = text.Split('\n').Select(l => l.StartsWith("last_updated_timestamp: ", StringComparison.Ordinal)
            ? "last_updated_timestamp: " + now.ToString(CultureInfo.InvariantCulture) : l);
        AtomicText.Replace(path, string.Join('\n', lines));
    }
}

using System.Globalization;
using System.Text;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tracking;

public sealed partial class FileTrackingStore
{
    /// <inheritdoc />
    public Task<TrackingRunInfo> CreateRunAsync(RunCreation run, CancellationToken cancellationToken = default)
    {
        foreach (var t in run.Tags)
        {
            TrackingKeys.ValidateTag(t);
        }
        var experiment = ReadExperiment(run.ExperimentId);
        if (experiment.LifecycleStage != "active")
        {
            throw new TrackingException(TrackingErrorKind.InvalidArgument, $"Experiment '{experiment.Name}' is deleted; runs cannot be created in it.");
        }
        var runId = NewRunId();
        var folder = Path.Combine(Root, run.ExperimentId, runId);
        var info = new TrackingRunInfo
        {
            RunId = runId,
            ExperimentId = run.ExperimentId,
            RunName = run.RunName,
            UserId = run.UserId,
            StartTime = run.StartTime,
            ArtifactUri = FileUri(Path.Combine(folder, "artifacts")),
        };
        Directory.CreateDirectory(Path.Combine(folder, "metrics"));
        Directory.CreateDirectory(Path.Combine(folder, "params"));
        Directory.CreateDirectory(Path.Combine(folder, "tags"));
        Directory.CreateDirectory(Path.Combine(folder, "artifacts"));
        WriteRunMeta(folder, info);
        foreach (var t in run.Tags)
        {
            AtomicText.Replace(KeyPath(folder, "tags", t.Key), t.Value);
        }
        return Task.FromResult(info);
    }

    /// <inheritdoc />
    public Task UpdateRunAsync(string runId, RunStatus status, long? endTime, CancellationToken cancellationToken = default)
    {
        var folder = RunFolder(runId);
        WriteRunMeta(folder, ReadRunInfo(folder) with { Status = status, EndTime = endTime });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task LogBatchAsync(string runId, IReadOnlyList<Metric> metrics, IReadOnlyList<Param> parameters, IReadOnlyList<RunTag> tags, CancellationToken cancellationToken = default)
    {
        foreach (var p in parameters)
        {
            TrackingKeys.ValidateParam(p);
        }
        foreach (var t in tags)
        {
            TrackingKeys.ValidateTag(t);
        }
        foreach (var m in metrics)
        {
            TrackingKeys.ValidateMetric(m);
        }
        var folder = RunFolder(runId);
        foreach (var p in parameters)
        {
            var path = KeyPath(folder, "params", p.Key);
            if (File.Exists(path))
            {
                var old = File.ReadAllText(path, Encoding.UTF8);
                if (old != p.Value)
                {
                    throw new TrackingException(TrackingErrorKind.Conflict,
                        $"Param '{p.Key}' was already logged with value '{old}'; params cannot change (new value '{p.Value}').") { File = path };
                }
                continue;
            }
            AtomicText.Replace(path, p.Value);
        }
        foreach (var t in tags)
        {
            AtomicText.Replace(KeyPath(folder, "tags", t.Key), t.Value);
        }
        foreach (var group in metrics.GroupBy(m => m.Key, StringComparer.Ordinal))
        {
            // MLflow appends "{timestamp} {value} {step}\n"; the file is replaced whole so a crash never leaves half a line.
            var path = KeyPath(folder, "metrics", group.Key);
            var b = new StringBuilder(File.Exists(path) ? File.ReadAllText(path, Encoding.UTF8) : "");
            foreach (var m in group)
            {
                b.Append(m.Timestamp.ToString(CultureInfo.InvariantCulture)).Append(' ')
                    .Append(PythonFloat.Format(m.Value)).Append(' ')
                    .Append(m.Step.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            AtomicText.Replace(path, b.ToString());
        }
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task LogArtifactAsync(TrackingRunInfo run, string localPath, string? artifactPath = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(localPath))
        {
            throw new TrackingException(TrackingErrorKind.NotFound, "The artifact file does not exist.") { File = localPath };
        }
        if (artifactPath is not null)
        {
            TrackingKeys.ValidateKey("artifact path", artifactPath);
        }
        var artifacts = Path.Combine(RunFolder(run.RunId), "artifacts");
        var target = Path.Combine(artifactPath is null ? artifacts : Path.Combine(artifacts, artifactPath), Path.GetFileName(localPath));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + $".{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var source = File.OpenRead(localPath))
            await using (var sink = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                await source.CopyToAsync(sink, cancellationToken);
                sink.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The runs of an experiment (active ones), by start time.</summary>
    public IReadOnlyList<TrackingRunInfo> ListRuns(string experimentId)
    {
        var folder = Path.Combine(Root, experimentId);
        return Directory.EnumerateDirectories(folder)
            .Where(d => IsRunId(Path.GetFileName(d)) && File.Exists(Path.Combine(d, Meta)))
            .Select(ReadRunInfo)
            .Where(r => r.LifecycleStage == "active")
            .OrderBy(r => r.StartTime).ThenBy(r => r.RunId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A run with its params, tags and full metric history.</summary>
    public TrackingRun ReadRun(string runId)
    {
        var folder = RunFolder(runId);
        var parameters = ReadKeyFiles(Path.Combine(folder, "params")).Select(kv => new Param(kv.Key, kv.Value)).ToList();
        var tags = ReadKeyFiles(Path.Combine(folder, "tags")).Select(kv => new RunTag(kv.Key, kv.Value)).ToList();
        var metrics = new List<Metric>();
        foreach (var (key, text) in ReadKeyFiles(Path.Combine(folder, "metrics")))
        {
            var file = Path.Combine(folder, "metrics", key);
            foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = line.Split(' ');
                if (f.Length is < 2 or > 3 || !long.TryParse(f[0], CultureInfo.InvariantCulture, out var ts))
                {
                    throw new TrackingException(TrackingErrorKind.InvalidFormat, $"expected 'timestamp value step', actual '{line}'") { File = file };
                }
                var step = f.Length == 3 && long.TryParse(f[2], CultureInfo.InvariantCulture, out var s) ? s : 0;
                metrics.Add(new Metric(key, PythonFloat.Parse(f[1], file), ts, step));
            }
        }
        return new TrackingRun(ReadRunInfo(folder), parameters, tags, metrics);
    }

    /// <summary>The run's <c>artifacts/</c> folder inside this <c>mlruns/</c> (whatever absolute URI its meta.yaml holds).</summary>
    public string ArtifactFolder(string runId) => Path.Combine(RunFolder(runId), "artifacts");

    private static bool IsRunId(string name) => name.Length == 32 && name.All(char.IsAsciiHexDigitLower);

    private string RunFolder(string runId)
    {
        if (IsRunId(runId))
        {
            foreach (var exp in Directory.EnumerateDirectories(Root))
            {
                var folder = Path.Combine(exp, runId);
                if (File.Exists(Path.Combine(folder, Meta)))
                {
                    return folder;
                }
            }
        }
        throw new TrackingException(TrackingErrorKind.NotFound, $"Run '{runId}' does not exist.") { File = Root };
    }

    private static string KeyPath(string runFolder, string kind, string key) =>
        Path.Combine([runFolder, kind, .. key.Split('/')]);

    private static IEnumerable<KeyValuePair<string, string>> ReadKeyFiles(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        return Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).EndsWith(".tmp", StringComparison.Ordinal))
            .Select(f => KeyValuePair.Create(Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f, Encoding.UTF8)))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal);
    }

    private static TrackingRunInfo ReadRunInfo(string folder)
    {
        var path = Path.Combine(folder, Meta);
        var m = MetaYaml.Read(path);
        var status = MetaYaml.OptionalLong(m, "status", path) ?? 1;
        return new TrackingRunInfo
        {
            RunId = m.GetValueOrDefault("run_id") ?? MetaYaml.Required(m, "run_uuid", path),
            ExperimentId = MetaYaml.Required(m, "experiment_id", path),
            RunName = m.GetValueOrDefault("run_name") ?? "",
            UserId = m.GetValueOrDefault("user_id") ?? "",
            Status = Enum.IsDefined((RunStatus)status) ? (RunStatus)status
                : throw new TrackingException(TrackingErrorKind.InvalidFormat, $"field 'status': expected 1 to 5, actual {status}") { File = path },
            StartTime = MetaYaml.OptionalLong(m, "start_time", path) ?? 0,
            EndTime = MetaYaml.OptionalLong(m, "end_time", path),
            ArtifactUri = MetaYaml.Required(m, "artifact_uri", path),
            LifecycleStage = m.GetValueOrDefault("lifecycle_stage") ?? "active",
        };
    }

    private static void WriteRunMeta(string folder, TrackingRunInfo info) =>
        AtomicText.Replace(Path.Combine(folder, Meta), MetaYaml.Write(
        [
            ("artifact_uri", MetaYaml.Str(info.ArtifactUri)),
            ("end_time", MetaYaml.Int(info.EndTime)),
            ("entry_point_name", "''"),
            ("experiment_id", MetaYaml.Str(info.ExperimentId)),
            ("lifecycle_stage", MetaYaml.Str(info.LifecycleStage)),
            ("run_id", MetaYaml.Str(info.RunId)),
            ("run_name", MetaYaml.Str(info.RunName)),
            // 2.x readers build RunInfo from run_uuid; 3.x writes only run_id. Both ignore unknown keys.
            ("run_uuid", MetaYaml.Str(info.RunId)),
            ("source_name", "''"),
            ("source_type", "4"),
            ("source_version", "''"),
            ("start_time", MetaYaml.Int(info.StartTime)),
            ("status", MetaYaml.Int((int)info.Status)),
            ("tags", "[]"),
            ("user_id", MetaYaml.Str(info.UserId)),
        ]));
}

namespace TickKernelExtensions.Tracking;

/// <summary>
/// Replays a local <c>mlruns/</c> folder into another store (an MLflow server): experiments by name, finished runs
/// with their params, tags, full metric history, artifacts, status and times, then registered models, versions
/// (sources under a local run's artifacts, or <c>runs:/&lt;local id&gt;/…</c>, pointed at the server run's artifacts)
/// and aliases. Idempotent: what was sent is
/// recorded in a <see cref="SyncState"/> file after each run, so a second sync sends nothing already there and an
/// interrupted sync resumes. Each synced run carries the tag <see cref="SourceRunTag"/> with its local id.
/// </summary>
public static class MlflowSync
{
    /// <summary>The tag naming the local run a server run was replayed from.</summary>
    public const string SourceRunTag = "tick.sync.source_run_id";

    /// <summary>Syncs <paramref name="source"/> into <paramref name="target"/>; <paramref name="targetKey"/> (the server URI, no credentials) keys the state in <paramref name="statePath"/>.</summary>
    public static async Task<SyncSummary> SyncAsync(FileTrackingStore source, ITrackingStore target, string statePath, string targetKey, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var state = SyncState.Load(statePath, targetKey);
        var client = new TrackingClient(target);
        int synced = 0, skipped = 0, unfinished = 0, versions = 0, aliases = 0;
        var localArtifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var experiment in source.ListExperiments())
        {
            string? remoteExperiment = null;
            foreach (var info in source.ListRuns(experiment.ExperimentId))
            {
                localArtifacts[info.RunId] = info.ArtifactUri;
                if (state.Runs.ContainsKey(info.RunId))
                {
                    skipped++;
                    continue;
                }
                if (info.Status is RunStatus.Running or RunStatus.Scheduled)
                {
                    unfinished++;
                    progress?.Report($"run {info.RunId} ({info.RunName}): still {info.Status.ToString().ToLowerInvariant()}, not synced");
                    continue;
                }
                remoteExperiment ??= await client.GetOrCreateExperimentAsync(experiment.Name, cancellationToken);
                var remote = await ReplayRunAsync(source, target, info, remoteExperiment, progress, cancellationToken);
                var remoteId = remote.RunId;
                state.Runs[info.RunId] = remoteId;
                if (remote.ArtifactUri.Length > 0)
                {
                    state.ArtifactUris[remoteId] = remote.ArtifactUri;
                }
                state.Save(statePath, targetKey);
                synced++;
                progress?.Report($"run {info.RunId} ({info.RunName}) in '{experiment.Name}' -> {remoteId}");
            }
        }
        foreach (var model in source.ListRegisteredModels())
        {
            if (state.Models.Add(model.Name))
            {
                await target.EnsureRegisteredModelAsync(model.Name, model.Description, cancellationToken);
                state.Save(statePath, targetKey);
            }
            foreach (var v in model.Versions)
            {
                var key = $"{model.Name}/{v.Version}";
                if (state.ModelVersions.ContainsKey(key))
                {
                    continue;
                }
                var (sourceUri, runId) = MapSource(v, state, localArtifacts);
                var created = await target.CreateModelVersionAsync(model.Name, sourceUri, runId, v.Description, cancellationToken);
                state.ModelVersions[key] = created.Version;
                state.Save(statePath, targetKey);
                versions++;
                progress?.Report($"model {model.Name} version {v.Version} -> version {created.Version}");
            }
            foreach (var (alias, version) in model.Aliases)
            {
                var key = $"{model.Name}/{alias}";
                if (state.Aliases.TryGetValue(key, out var done) && done == version
                    || !state.ModelVersions.TryGetValue($"{model.Name}/{version}", out var remoteVersion))
                {
                    continue;
                }
                await target.SetAliasAsync(model.Name, alias, remoteVersion, cancellationToken);
                state.Aliases[key] = version;
                state.Save(statePath, targetKey);
                aliases++;
                progress?.Report($"model {model.Name} alias {alias} -> version {remoteVersion}");
            }
        }
        return new SyncSummary(synced, skipped, unfinished, versions, aliases);
    }

    private static async Task<TrackingRunInfo> ReplayRunAsync(FileTrackingStore source, ITrackingStore target, TrackingRunInfo info, string experimentId, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var run = source.ReadRun(info.RunId);
        var created = await target.CreateRunAsync(new RunCreation
        {
            ExperimentId = experimentId,
            RunName = info.RunName,
            UserId = info.UserId,
            StartTime = info.StartTime,
        }, cancellationToken);
        var tags = run.Tags.Where(t => t.Key != SourceRunTag).Append(new RunTag(SourceRunTag, info.RunId)).ToList();
        await target.LogBatchAsync(created.RunId, run.Metrics, run.Params, tags, cancellationToken);
        var artifacts = source.ArtifactFolder(info.RunId);
        if (Directory.Exists(artifacts))
        {
            foreach (var file in Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var folder = Path.GetRelativePath(artifacts, Path.GetDirectoryName(file)!).Replace('\\', '/');
                try
                {
                    await target.LogArtifactAsync(created, file, folder == "." ? null : folder, cancellationToken);
                }
                catch (TrackingException e) when (e.Kind == TrackingErrorKind.NotSupported)
                {
                    // The server keeps artifacts where this client cannot write (e.g. s3:// without the proxy): the run's
                    // data still syncs, and the reason is reported once per run.
                    progress?.Report($"run {info.RunId}: artifacts not sent: {e.Message}");
                    break;
                }
            }
        }
        await target.UpdateRunAsync(created.RunId, info.Status, info.EndTime, cancellationToken);
        return created;
    }

    /// <summary>
    /// The server's source for a local version: a path under the local run's artifact URI (what
    /// <c>ModelBundleTracking</c> registers) or <c>runs:/&lt;local id&gt;/…</c> moves to the same path under the server
    /// run's artifact URI (<c>runs:/&lt;server id&gt;/…</c> when a state file from before URIs were recorded lacks it).
    /// Other sources go as they are.
    /// </summary>
    private static (string Source, string? RunId) MapSource(ModelVersion v, SyncState state, IReadOnlyDictionary<string, string> localArtifacts)
    {
        if (v.RunId is null || !state.Runs.TryGetValue(v.RunId, out var runId))
        {
            return (v.Source, null);
        }
        string? relative = null;
        if (v.Source.StartsWith($"runs:/{v.RunId}/", StringComparison.Ordinal))
        {
            relative = v.Source[$"runs:/{v.RunId}/".Length..];
        }
        else if (localArtifacts.TryGetValue(v.RunId, out var local) && local.Length > 0
            && v.Source.StartsWith(local.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            relative = v.Source[(local.TrimEnd('/').Length + 1)..];
        }
        if (relative is null)
        {
            return (v.Source, runId);
        }
        return state.ArtifactUris.TryGetValue(runId, out var remote)
            ? ($"{remote.TrimEnd('/')}/{relative}", runId)
            : ($"runs:/{runId}/{relative}", runId);
    }
}

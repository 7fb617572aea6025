namespace TickKernelExtensions.Tracking;

/// <summary>
/// Replays a local <c>mlruns/</c> folder into another store (an MLflow server): experiments by name, finished runs
/// with their params, tags, full metric history, artifacts, status and times, then registered models, versions
/// (<c>runs:/&lt;local id&gt;/…</c> sources pointed at the server's run) and aliases. Idempotent: what was sent is
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
        foreach (var experiment in source.ListExperiments())
        {
            string? remoteExperiment = null;
            foreach (var info in source.ListRuns(experiment.ExperimentId))
            {
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
                var remoteId = await ReplayRunAsync(source, target, info, remoteExperiment, progress, cancellationToken);
                state.Runs[info.RunId] = remoteId;
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
                var (sourceUri, runId) = MapSource(v, state);
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

    private static async Task<string> ReplayRunAsync(FileTrackingStore source, ITrackingStore target, TrackingRunInfo info, string experimentId, IProgress<string>? progress, CancellationToken cancellationToken)
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
        return created.RunId;
    }

    private static (string Source, string? RunId) MapSource(ModelVersion v, SyncState state)
    {
        var runId = v.RunId is not null && state.Runs.TryGetValue(v.RunId, out var mapped) ? mapped : null;
        var source = v.Source;
        if (v.RunId is not null && runId is not null && source.StartsWith($"runs:/{v.RunId}/", StringComparison.Ordinal))
        {
            source = $"runs:/{runId}/" + source[$"runs:/{v.RunId}/".Length..];
        }
        return (source, runId);
    }
}

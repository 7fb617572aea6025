using System.Globalization;

namespace TickKernelExtensions.Tracking;

/// <summary>
/// Fetches a registered model version's files from an MLflow server, as <c>mlflow artifacts download --artifact-uri
/// models:/…</c> does: resolves the version (number, alias or latest), takes its <c>source</c> (an
/// <c>mlflow-artifacts:</c> location, or <c>runs:/&lt;run&gt;/&lt;path&gt;</c> → the run's artifact URI + path), lists
/// the files recursively and downloads each through the server's artifact proxy. Files go into a temporary folder
/// beside the target, are checked against the listed sizes and by the caller's <c>verify</c>, and the folder is renamed
/// into place only then: a failed or refused download leaves no target folder and no temporary one.
/// </summary>
public static class ModelDownload
{
    /// <summary>
    /// Downloads the version <paramref name="options"/> names into <see cref="ModelDownloadOptions.TargetFolder"/>.
    /// <paramref name="verify"/> gets the complete temporary folder and throws to refuse it (e.g. a checksum mismatch);
    /// its exception propagates unchanged. Progress: one line for the resolved version, one per file.
    /// </summary>
    /// <exception cref="TrackingException">
    /// InvalidArgument (bad options), Conflict (the target exists), NotFound (model, version, alias or artifacts absent,
    /// naming which), NotSupported (a source the proxy does not serve), InvalidFormat (a size differing from the listing),
    /// Server (after the retries).
    /// </exception>
    public static async Task<ModelDownloadResult> DownloadAsync(RestTrackingStore server, ModelDownloadOptions options,
        Action<string>? verify = null, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        options.Validate();
        var target = Path.GetFullPath(options.TargetFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        if (Directory.Exists(target) || File.Exists(target))
        {
            throw new TrackingException(TrackingErrorKind.Conflict, "The target exists already; downloads never overwrite (remove it or choose another folder).") { File = target };
        }
        var version = options.Version is { } v ? await server.GetModelVersionAsync(options.Name, v, cancellationToken)
            : options.Alias is { } alias ? await server.GetModelVersionByAliasAsync(options.Name, alias, cancellationToken)
            : await server.GetLatestModelVersionAsync(options.Name, cancellationToken);
        var location = await ArtifactLocationAsync(server, version, cancellationToken);
        var files = await server.ListArtifactsAsync(location, cancellationToken);
        if (files.Count == 0)
        {
            throw new TrackingException(TrackingErrorKind.NotFound, $"registered model '{version.Name}' version {version.Version}: there are no files at its source '{location}'");
        }
        progress?.Report($"model '{version.Name}' version {version.Version}: {files.Count} file(s) from {location}");

        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var temp = Path.Combine(parent, $".{Path.GetFileName(target)}.download-{Guid.NewGuid():N}");
        try
        {
            long bytes = 0;
            foreach (var file in files)
            {
                var local = Path.Combine(temp, file.Path.Replace('/', Path.DirectorySeparatorChar));
                if (!Path.GetFullPath(local).StartsWith(temp + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new TrackingException(TrackingErrorKind.InvalidFormat, $"artifact '{file.Path}' would land outside the download folder");
                }
                Directory.CreateDirectory(Path.GetDirectoryName(local)!);
                await server.DownloadArtifactAsync(location, file.Path, local, cancellationToken);
                var size = new FileInfo(local).Length;
                if (file.Size is { } listed && listed != size)
                {
                    throw new TrackingException(TrackingErrorKind.InvalidFormat,
                        string.Create(CultureInfo.InvariantCulture, $"artifact '{file.Path}': expected {listed} bytes as listed, actual {size} (the transfer was cut short or the file changed)"));
                }
                bytes += size;
                progress?.Report(string.Create(CultureInfo.InvariantCulture, $"  {file.Path} ({size} bytes)"));
            }
            verify?.Invoke(temp);
            Directory.Move(temp, target);
            return new ModelDownloadResult(version, location, target, files.Count, bytes);
        }
        finally
        {
            if (Directory.Exists(temp))
            {
                Directory.Delete(temp, recursive: true);
            }
        }
    }

    /// <summary>The version's files: its <c>source</c>, with <c>runs:/&lt;run&gt;/&lt;path&gt;</c> resolved through the run's artifact URI.</summary>
    private static async Task<string> ArtifactLocationAsync(RestTrackingStore server, ModelVersion version, CancellationToken cancellationToken)
    {
        const string Runs = "runs:/";
        if (!version.Source.StartsWith(Runs, StringComparison.Ordinal))
        {
            return version.Source;
        }
        var rest = version.Source[Runs.Length..].TrimStart('/');
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var (runId, path) = slash < 0 ? (rest, "") : (rest[..slash], rest[(slash + 1)..].Trim('/'));
        var root = (await server.GetRunArtifactUriAsync(runId, cancellationToken)).TrimEnd('/');
        return path.Length == 0 ? root : root + "/" + path;
    }
}

using System.Globalization;
using System.Text.Json.Nodes;

namespace TickKernelExtensions.Tracking;

public sealed partial class RestTrackingStore
{
    /// <summary>
    /// Every file under <paramref name="artifactUri"/> (an <c>mlflow-artifacts:</c> URI, served by the server's proxy),
    /// folders walked recursively (<c>GET /mlflow-artifacts/artifacts?path=…</c>), as paths relative to it with the
    /// sizes the server reports, in ordinal order. Empty when there is nothing there.
    /// </summary>
    public async Task<IReadOnlyList<ArtifactFile>> ListArtifactsAsync(string artifactUri, CancellationToken cancellationToken = default)
    {
        var root = ProxyPath(artifactUri) ?? throw NotProxied(artifactUri);
        var files = new List<ArtifactFile>();
        var folders = new Queue<string>([""]);
        while (folders.TryDequeue(out var folder))
        {
            var path = root.Length == 0 ? folder : folder.Length == 0 ? root : root + "/" + folder;
            var json = await SendAsync(HttpMethod.Get, "mlflow-artifacts/artifacts?path=" + Uri.EscapeDataString(path), null, cancellationToken);
            foreach (var entry in json["files"]?.AsArray() ?? [])
            {
                // The proxy answers base names; a full path is cut to its last segment, so both shapes work.
                var name = ((string?)entry?["path"] ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
                if (name is null or "." or "..")
                {
                    throw new TrackingException(TrackingErrorKind.InvalidFormat, $"the artifact listing of '{path}' has an entry without a usable path: {entry?.ToJsonString()}")
                    {
                        Endpoint = "GET /api/2.0/mlflow-artifacts/artifacts",
                    };
                }
                var relative = folder.Length == 0 ? name : folder + "/" + name;
                if (entry!["is_dir"]?.GetValue<bool>() == true)
                {
                    folders.Enqueue(relative);
                }
                else
                {
                    files.Add(new ArtifactFile(relative, Long(entry["file_size"])));
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return files;
    }

    /// <summary>
    /// Downloads <paramref name="relativePath"/> under <paramref name="artifactUri"/> into <paramref name="localPath"/>
    /// (<c>GET /mlflow-artifacts/artifacts/&lt;path&gt;</c>), streamed; a failed or cut-off transfer is retried as any request.
    /// </summary>
    public Task DownloadArtifactAsync(string artifactUri, string relativePath, string localPath, CancellationToken cancellationToken = default)
    {
        var root = ProxyPath(artifactUri) ?? throw NotProxied(artifactUri);
        return SendAsync(HttpMethod.Get, "mlflow-artifacts/artifacts/" + Escape(root + "/" + relativePath), null, cancellationToken, downloadTo: localPath);
    }

    /// <summary>
    /// The path an <c>mlflow-artifacts:</c> URI names on the proxy (<c>mlflow-artifacts:/1/&lt;run&gt;/artifacts</c> or
    /// <c>mlflow-artifacts://host:port/1/…</c>: the part after the authority), without slashes at the ends; null for other schemes.
    /// </summary>
    internal static string? ProxyPath(string uri)
    {
        if (!uri.StartsWith("mlflow-artifacts:", StringComparison.Ordinal))
        {
            return null;
        }
        var rest = uri["mlflow-artifacts:".Length..];
        if (rest.StartsWith("//", StringComparison.Ordinal))
        {
            var slash = rest.IndexOf('/', 2);
            rest = slash < 0 ? "" : rest[slash..];
        }
        return rest.Trim('/');
    }

    private static string Escape(string path) =>
        string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.EscapeDataString));

    private static TrackingException NotProxied(string uri) => new(TrackingErrorKind.NotSupported,
        $"artifact location '{uri}' is not an mlflow-artifacts: URI; only artifacts the server proxies (the default since MLflow 2.0) can be listed and downloaded here.");
}

using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// The other end of <see cref="ModelBundleTracking"/>: downloads a registered version's bundle from an MLflow server
/// (<see cref="ModelDownload"/>) and verifies it with <see cref="ModelBundle.Load"/> (every file's size and SHA-256
/// against the manifest, formats, feature set, schemas) before it is renamed into place, so the folder that appears is
/// ready for <c>pipeline serve --bundle</c> and a corrupted download is a <see cref="ModelBundleException"/> naming the
/// file, with no folder left behind.
/// </summary>
public static class ModelBundleDownload
{
    /// <summary>Downloads and verifies; see <see cref="ModelDownload.DownloadAsync"/> for the tracking errors.</summary>
    /// <exception cref="ModelBundleException">The downloaded files are not a valid bundle (e.g. HashMismatch naming the file).</exception>
    public static async Task<DownloadedBundle> DownloadAsync(RestTrackingStore server, ModelDownloadOptions options,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        string name = "", version = "", hash = "";
        var result = await ModelDownload.DownloadAsync(server, options, folder =>
        {
            using var bundle = ModelBundle.Load(folder);
            (name, version, hash) = (bundle.Name, bundle.Version, bundle.ContentHash);
        }, progress, cancellationToken);
        return new DownloadedBundle(result, name, version, hash);
    }
}

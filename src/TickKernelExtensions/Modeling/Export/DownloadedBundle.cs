using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>A verified downloaded bundle: the download, and the bundle's own name, version and content hash (from its manifest, which may differ from the registry's name and version).</summary>
public sealed record DownloadedBundle(ModelDownloadResult Download, string BundleName, string BundleVersion, string ContentHash);

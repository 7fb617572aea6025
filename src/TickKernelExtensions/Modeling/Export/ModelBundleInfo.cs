namespace TickKernelExtensions.Modeling.Export;

/// <summary>A bundle as written (or verified): its folder, identity and files.</summary>
/// <param name="Folder">The bundle folder (full path).</param>
/// <param name="Name">The model name.</param>
/// <param name="Version">The bundle version.</param>
/// <param name="ContentHash">The bundle's identity: see <see cref="ModelBundleManifest.ContentHash"/>.</param>
/// <param name="Files">Every file with its size and SHA-256, in ordinal path order (manifest.json itself excluded).</param>
public sealed record ModelBundleInfo(string Folder, string Name, string Version, string ContentHash, IReadOnlyList<ModelBundleFile> Files);


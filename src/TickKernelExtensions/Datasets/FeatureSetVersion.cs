namespace TickKernelExtensions.Datasets;

/// <summary>The feature set a gold dataset was built with.</summary>
/// <param name="Name">The feature set's name, e.g. <c>microstructure</c>.</param>
/// <param name="Version">Its version, e.g. <c>3</c>.</param>
public sealed record FeatureSetVersion(string Name, string Version);

using System.Globalization;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Datasets;

/// <summary>The feature set a gold dataset was built with.</summary>
/// <param name="Name">The feature set's name, e.g. <c>gold-core</c>.</param>
/// <param name="Version">Its version, e.g. <c>1</c>.</param>
/// <param name="ContentHash">
/// The SHA-256 of its canonical definition (<see cref="FeatureSetDefinition.ContentHash"/>), which changes whenever a
/// feature, parameter or the code version does even if nobody bumped <paramref name="Version"/>; null when unknown.
/// </param>
public sealed record FeatureSetVersion(string Name, string Version, string? ContentHash = null)
{
    /// <summary>Name, version and content hash of a feature set definition.</summary>
    public static FeatureSetVersion From(FeatureSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new FeatureSetVersion(definition.Name, definition.Version.ToString(CultureInfo.InvariantCulture), definition.ContentHash);
    }
}

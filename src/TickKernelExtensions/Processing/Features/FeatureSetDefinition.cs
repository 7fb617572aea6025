using System.Collections.Immutable;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// A named, versioned feature set: which features, with which parameters, computed by which code. Stored with every
/// table it produced (<see cref="ToJson"/> and <see cref="ContentHash"/>) so a table can always be traced to, and
/// recomputed from, its definition. The JSON form is canonical (fixed property order, parameters sorted, no
/// whitespace, invariant numbers), so equal definitions serialise to equal bytes and hash equally. Immutable.
/// </summary>
public sealed partial record FeatureSetDefinition
{
    /// <summary>Creates a definition; <paramref name="codeVersion"/> defaults to <see cref="CurrentCodeVersion"/>.</summary>
    public FeatureSetDefinition(string name, int version, IEnumerable<FeatureSpec> features, string? codeVersion = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentNullException.ThrowIfNull(features);
        Name = name;
        Version = version;
        Features = [.. features];
        CodeVersion = codeVersion ?? CurrentCodeVersion;
    }

    /// <summary>The set's name, e.g. <c>gold-core</c>.</summary>
    public string Name { get; }

    /// <summary>The set's version; bump it whenever its features or parameters change.</summary>
    public int Version { get; }

    /// <summary>The features in column order.</summary>
    public ImmutableArray<FeatureSpec> Features { get; }

    /// <summary>The library version that computes the features (assembly informational version, with commit when built from git).</summary>
    public string CodeVersion { get; }

    /// <summary>The informational version of this library's assembly.</summary>
    public static string CurrentCodeVersion { get; } =
        typeof(FeatureSetDefinition).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(FeatureSetDefinition).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>
    /// The default gold feature set for minute bars: log returns at 1, 5 and 15 bars, realised volatility over 15 and
    /// 60, relative spread, spread z-score over 60, quote imbalance, mid z-score over 60, FFD (d = 0.4, τ = 1e-4),
    /// time of day, and minutes since the 17:00 New York session open.
    /// </summary>
    public static FeatureSetDefinition GoldCore { get; } = new("gold-core", 1,
    [
        FeatureSpec.LogReturn(1),
        FeatureSpec.LogReturn(5),
        FeatureSpec.LogReturn(15),
        FeatureSpec.RealizedVolatility(15),
        FeatureSpec.RealizedVolatility(60),
        FeatureSpec.RelativeSpread(),
        FeatureSpec.SpreadZScore(60),
        FeatureSpec.QuoteImbalance(),
        FeatureSpec.MidZScore(60),
        FeatureSpec.FracDiff(0.4),
        FeatureSpec.TimeOfDay(),
        FeatureSpec.Session(),
    ]);

    /// <summary>Lower-case hex SHA-256 of the UTF-8 canonical JSON: the identity to store beside a table.</summary>
    public string ContentHash => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ToJson())));

    /// <inheritdoc />
    public bool Equals(FeatureSetDefinition? other) =>
        other is not null && Name == other.Name && Version == other.Version && CodeVersion == other.CodeVersion
        && Features.SequenceEqual(other.Features);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Version, CodeVersion, Features.Length);
}

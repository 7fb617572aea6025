using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>The columns this library computes for a feature set, or an error naming the feature it cannot compute.</summary>
internal static class FeatureSetColumns
{
    /// <summary>The set's output columns in row order (as <see cref="FeatureSetCalculator.Columns"/>).</summary>
    /// <exception cref="ModelBundleException">UnknownFeature naming the first feature the host cannot build, and every problem.</exception>
    public static IReadOnlyList<string> Of(FeatureSetDefinition featureSet, string file)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        var columns = new List<string>();
        for (var i = 0; i < featureSet.Features.Length; i++)
        {
            var spec = featureSet.Features[i];
            var errors = new List<string>();
            if (FeatureFactory.TryCreate(spec, errors) is { } feature && errors.Count == 0)
            {
                columns.AddRange(feature.Columns);
                continue;
            }
            throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature,
                $"Feature set '{featureSet.Name}' v{featureSet.Version} has a feature this host cannot compute: {string.Join("; ", errors)}.")
            {
                File = file,
                Field = $"features[{i}] {spec.Kind}",
                Expected = KnownKinds.Contains(spec.Kind) ? "parameters the host accepts" : "a kind among " + string.Join(", ", KnownKinds),
                Actual = KnownKinds.Contains(spec.Kind)
                    ? string.Join(", ", spec.Parameters.Select(p => $"{p.Key}={p.Value}"))
                    : $"'{spec.Kind}'",
            };
        }
        var duplicate = columns.GroupBy(c => c, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ModelBundleException(ModelBundleErrorKind.UnknownFeature,
                $"Feature set '{featureSet.Name}' v{featureSet.Version} produces a column twice.")
            { File = file, Field = duplicate.Key };
        }
        return columns;
    }

    /// <summary>The kinds <see cref="FeatureFactory"/> builds (the constants of <see cref="FeatureKinds"/>).</summary>
    public static IReadOnlyList<string> KnownKinds { get; } = typeof(FeatureKinds)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToList();
}

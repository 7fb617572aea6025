using System.Globalization;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>Turns <see cref="FeatureSpec"/>s into fresh <see cref="IBarFeature"/> instances, validating parameters.</summary>
public static class FeatureFactory
{
    /// <summary>Creates the feature a spec names, or adds every problem to <paramref name="errors"/> and returns null.</summary>
    public static IBarFeature? TryCreate(FeatureSpec spec, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        Func<IBarFeature>? create = spec.Kind switch
        {
            FeatureKinds.LogReturn => Int(spec, "horizon", 1, errors) is var h ? () => new LogReturnFeature(h) : null,
            FeatureKinds.RealizedVolatility => Int(spec, "window", 1, errors) is var w ? () => new RealizedVolatilityFeature(w) : null,
            FeatureKinds.RelativeSpread => () => new RelativeSpreadFeature(),
            FeatureKinds.SpreadZScore => Int(spec, "window", 2, errors) is var w ? () => new ZScoreFeature(BarField.SpreadMean, w) : null,
            FeatureKinds.QuoteImbalance => () => new QuoteImbalanceFeature(),
            FeatureKinds.MidZScore => Int(spec, "window", 2, errors) is var w ? () => new ZScoreFeature(BarField.MidClose, w) : null,
            FeatureKinds.FracDiff => FracDiff(spec, errors),
            FeatureKinds.TimeOfDay => () => new TimeOfDayFeature(),
            FeatureKinds.Session => Session(spec, errors),
            _ => null,
        };
        if (create is null && errors.Count == before)
        {
            errors.Add($"unknown feature kind '{spec.Kind}'");
        }
        if (errors.Count > before || create is null)
        {
            return null;
        }
        var feature = create();
        if (!feature.Spec.Equals(spec))
        {
            errors.Add($"{spec.Kind}: parameters are not in canonical form (expected {Describe(feature.Spec)}, was {Describe(spec)})");
            return null;
        }
        return feature;
    }

    private static int Int(FeatureSpec spec, string name, int min, List<string> errors) => spec.GetInt(name, errors, min);

    private static Func<IBarFeature>? FracDiff(FeatureSpec spec, List<string> errors)
    {
        var d = spec.GetDouble("d", errors, 0, 2);
        var threshold = spec.GetDouble("threshold", errors, 0, 1);
        var width = spec.GetInt("max_width", errors, 1);
        return () => new FracDiffFeature(d, threshold, width);
    }

    private static Func<IBarFeature>? Session(FeatureSpec spec, List<string> errors)
    {
        var zone = spec.GetString("time_zone", errors);
        var openText = spec.GetString("open", errors);
        var open = default(TimeOnly);
        if (openText is not null && !TimeOnly.TryParseExact(openText, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out open))
        {
            errors.Add($"{spec.Kind}: parameter 'open' must be HH:mm, was '{openText}'");
        }
        if (zone is not null && SessionClock.TryFindZone(zone) is null)
        {
            errors.Add($"{spec.Kind}: time zone '{zone}' is not a known time-zone id");
        }
        return () => new SessionFeature(zone!, open);
    }

    private static string Describe(FeatureSpec spec) =>
        string.Join(", ", spec.Parameters.Select(p => $"{p.Key}={p.Value}"));
}

using System.Text.Json;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// <c>datasets.json</c> (<c>[{"name", "version"}…]</c> in the trainer's order), <c>metrics.json</c> (<c>{name: number}</c>
/// in ordinal name order) and <c>decision.json</c> (<c>{"buy_at", "sell_at", "anomaly_above"}</c>, null for none).
/// </summary>
internal static class MetadataJson
{
    public static byte[] WriteDatasets(IReadOnlyList<ModelDatasetVersion> datasets) => BundleJson.Write(w =>
    {
        w.WriteStartArray();
        foreach (var d in datasets)
        {
            w.WriteStartObject();
            w.WriteString("name", d.Name);
            w.WriteString("version", d.Version);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    public static IReadOnlyList<ModelDatasetVersion> ReadDatasets(byte[] bytes)
    {
        const string file = ModelBundleLayout.Datasets;
        using var doc = BundleJson.Parse(bytes, file);
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw BundleJson.Malformed(file, "$", "an array", doc.RootElement.ValueKind.ToString());
        }
        return doc.RootElement.EnumerateArray()
            .Select(e => new ModelDatasetVersion(BundleJson.String(e, "name", file), BundleJson.String(e, "version", file)))
            .ToList();
    }

    public static byte[] WriteMetrics(IReadOnlyDictionary<string, double> metrics) => BundleJson.Write(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            w.WriteNumber(key, value);
        }
        w.WriteEndObject();
    });

    public static IReadOnlyDictionary<string, double> ReadMetrics(byte[] bytes)
    {
        const string file = ModelBundleLayout.Metrics;
        using var doc = BundleJson.Parse(bytes, file);
        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw BundleJson.Malformed(file, "$", "an object", doc.RootElement.ValueKind.ToString());
        }
        return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => BundleJson.Number(doc.RootElement, p.Name, file), StringComparer.Ordinal);
    }

    public static byte[] WriteDecision(DecisionThresholds thresholds, double? anomalyAbove) => BundleJson.Write(w =>
    {
        w.WriteStartObject();
        Nullable(w, "buy_at", thresholds.BuyAt);
        Nullable(w, "sell_at", thresholds.SellAt);
        Nullable(w, "anomaly_above", anomalyAbove);
        w.WriteEndObject();
    });

    public static (DecisionThresholds Thresholds, double? AnomalyAbove) ReadDecision(byte[] bytes)
    {
        const string file = ModelBundleLayout.Decision;
        using var doc = BundleJson.Parse(bytes, file);
        var root = doc.RootElement;
        var thresholds = new DecisionThresholds
        {
            BuyAt = BundleJson.NullableNumber(root, "buy_at", file),
            SellAt = BundleJson.NullableNumber(root, "sell_at", file),
        };
        var errors = new List<string>();
        thresholds.Validate(errors);
        if (errors.Count > 0)
        {
            throw new ModelBundleException(ModelBundleErrorKind.Malformed, $"Invalid thresholds: {string.Join("; ", errors)}.") { File = file };
        }
        return (thresholds, BundleJson.NullableNumber(root, "anomaly_above", file));
    }

    private static void Nullable(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

using Microsoft.ML;
using Microsoft.ML.Data;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>The ML.NET row shape of a training part: <c>Features</c>, <c>Label</c>, <c>Weight</c>.</summary>
internal static class TrainingRows
{
    public const string Features = "Features";
    public const string Label = "Label";
    public const string Weight = "Weight";

    public static IDataView ToDataView(MLContext ml, TrainingPart part)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(part);
        var rows = new Row[part.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new Row { Features = part.Row(i).ToArray(), Label = part.Labels[i], Weight = part.Weights[i] };
        }
        return ml.Data.LoadFromEnumerable(rows, Schema(part.FeatureCount));
    }

    /// <summary>A view of raw feature vectors only (for the anomaly model), column <c>Features</c>.</summary>
    public static IDataView VectorsToDataView(MLContext ml, float[][] vectors, int featureCount)
    {
        var rows = vectors.Select(v => new Row { Features = v, Weight = 1 }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, Schema(featureCount));
    }

    private static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    internal sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }
}

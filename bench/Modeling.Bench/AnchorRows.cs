using Microsoft.ML;
using Microsoft.ML.Data;
using TickKernelExtensions.Modeling.Training;

namespace Modeling.Bench;

/// <summary>
/// The anchors' input: the same samples as plain ML.NET rows (a float vector, a bool label, a float weight), made
/// once before any timing, as a user calling ML.NET directly would hold them.
/// </summary>
internal static class AnchorRows
{
    public static Row[] From(TrainingPart part)
    {
        var rows = new Row[part.Count];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = new Row { Features = part.Row(i).ToArray(), Label = part.Labels[i], Weight = part.Weights[i] };
        }
        return rows;
    }

    /// <summary>A schema whose <c>Features</c> column is a float vector of <paramref name="length"/>.</summary>
    public static SchemaDefinition Schema<T>(int length)
    {
        var schema = SchemaDefinition.Create(typeof(T));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, length);
        return schema;
    }

    public static IDataView ToDataView(MLContext ml, Row[] rows, int length) => ml.Data.LoadFromEnumerable(rows, Schema<Row>(length));

    internal sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }

        public float Weight { get; set; }
    }

    /// <summary>The prediction engine's input: the vector alone.</summary>
    internal sealed class Input
    {
        public float[] Features { get; set; } = [];
    }

    /// <summary>A binary classifier's outputs.</summary>
    internal sealed class Output
    {
        public float Score { get; set; }

        public float Probability { get; set; }
    }
}

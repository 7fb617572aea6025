using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace Serving.Host.Tests;

/// <summary>
/// A deterministic FastTree classifier on four features (label: x0 + 0.5·x1 + noise > 0, rows uniform in [-1, 1],
/// seed 42), for bundles the serving tests and the serving benchmark write (linked into both; no test framework here).
/// </summary>
internal static class SyntheticClassifier
{
    public static ITransformer Train(int rows, int trees, int leaves)
    {
        var random = new Random(42);
        var data = new List<Row>(rows);
        for (var i = 0; i < rows; i++)
        {
            var x = new float[4];
            for (var j = 0; j < 4; j++)
            {
                x[j] = (float)((random.NextDouble() * 2) - 1);
            }
            data.Add(new Row { Features = x, Label = x[0] + (0.5f * x[1]) + (0.3f * (float)(random.NextDouble() - 0.5)) > 0 });
        }
        var ml = new MLContext(seed: 1);
        return ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = trees, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = 10, NumberOfThreads = 1,
        }).Fit(ml.Data.LoadFromEnumerable(data));
    }

    private sealed class Row
    {
        [VectorType(4)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}

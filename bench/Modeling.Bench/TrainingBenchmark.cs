using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using TickKernelExtensions.Modeling.Anomaly;
using TickKernelExtensions.Modeling.Training;

namespace Modeling.Bench;

/// <summary>
/// Training throughput on the train part: ours (<see cref="PatternModel.Train(TrainingSet, PatternModelOptions)"/>
/// with LightGBM and FastTree, <see cref="AnomalyModel.Train"/>) against ML.NET's trainers called directly with the
/// same hyper-parameters, one thread, on rows prepared before timing. One warm-up, then <c>runs</c> runs, interleaved.
/// </summary>
internal static class TrainingBenchmark
{
    public static (List<(Samples Ours, Samples Anchor)> Pairs, PatternModel LightGbm, double MaxProbabilityDifference) Run(TrainingSet set, int runs)
    {
        var part = set.Train;
        var rows = AnchorRows.From(part);
        var d = part.FeatureCount;
        var defaults = PatternModelOptions.Default;
        var fastTree = defaults with { Trainer = PatternTrainer.FastTree };
        var anomalyOptions = AnomalyModelOptions.Default;

        var oursLgbm = new Samples("ours: PatternModel.Train, LightGBM", 1, part.Count);
        var anchorLgbm = new Samples("anchor: ML.NET LightGbm trainer, direct", 1, part.Count);
        var oursFt = new Samples("ours: PatternModel.Train, FastTree", 1, part.Count);
        var anchorFt = new Samples("anchor: ML.NET FastTree trainer, direct", 1, part.Count);
        var oursAnomaly = new Samples("ours: AnomalyModel.Train (PCA + k-means + thresholds)", 1, part.Count);
        var anchorAnomaly = new Samples("anchor: ML.NET RandomizedPca + KMeans, direct", 1, part.Count);

        PatternModel? ours = null;
        ITransformer? anchor = null;
        for (var r = -1; r < runs; r++)
        {
            var record = r >= 0;
            oursLgbm.Time(() => ours = PatternModel.Train(set), record);
            anchorLgbm.Time(() => anchor = AnchorLightGbm(rows, d, defaults), record);
            oursFt.Time(() => PatternModel.Train(set, fastTree), record);
            anchorFt.Time(() => AnchorFastTree(rows, d, fastTree), record);
            oursAnomaly.Time(() => AnomalyModel.Train(part, set.FeatureNames, anomalyOptions), record);
            anchorAnomaly.Time(() => AnchorAnomaly(rows, d, anomalyOptions), record);
        }
        // Same learner, options and seed on the same rows: the two models must agree, or the comparison is void.
        var oursP = ours!.PredictProbabilities(set.Validation);
        var ml = new MLContext(seed: 0);
        var anchorP = anchor!.Transform(AnchorRows.ToDataView(ml, AnchorRows.From(set.Validation), d)).GetColumn<float>("Probability").ToArray();
        var maxDifference = oursP.Zip(anchorP, (a, b) => Math.Abs((double)a - b)).Max();
        List<(Samples Ours, Samples Anchor)> pairs = [(oursLgbm, anchorLgbm), (oursFt, anchorFt), (oursAnomaly, anchorAnomaly)];
        return (pairs, ours, maxDifference);
    }

    private static ITransformer AnchorLightGbm(AnchorRows.Row[] rows, int d, PatternModelOptions o)
    {
        var ml = new MLContext(o.Seed);
        var trainer = ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = "Weight",
            NumberOfIterations = o.NumberOfTrees,
            NumberOfLeaves = o.NumberOfLeaves,
            MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
            LearningRate = o.LearningRate,
            NumberOfThreads = 1,
            Seed = o.Seed,
            Deterministic = true,
            Silent = true,
        });
        return trainer.Fit(AnchorRows.ToDataView(ml, rows, d));
    }

    private static ITransformer AnchorFastTree(AnchorRows.Row[] rows, int d, PatternModelOptions o)
    {
        var ml = new MLContext(o.Seed);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = "Label",
            FeatureColumnName = "Features",
            ExampleWeightColumnName = "Weight",
            NumberOfTrees = o.NumberOfTrees,
            NumberOfLeaves = o.NumberOfLeaves,
            MinimumExampleCountPerLeaf = o.MinimumExampleCountPerLeaf,
            LearningRate = o.LearningRate,
            NumberOfThreads = 1,
            Seed = o.Seed,
            FeatureSelectionSeed = o.Seed,
        });
        return trainer.Fit(AnchorRows.ToDataView(ml, rows, d));
    }

    // The same two learners on the raw vectors. Ours also standardizes first and scores the training rows afterwards
    // to set its thresholds; that is part of what the ratio shows.
    private static void AnchorAnomaly(AnchorRows.Row[] rows, int d, AnomalyModelOptions o)
    {
        var ml = new MLContext(o.Seed);
        var data = AnchorRows.ToDataView(ml, rows, d);
        ml.AnomalyDetection.Trainers.RandomizedPca("Features", rank: o.Rank, oversampling: o.Oversampling, ensureZeroMean: true, seed: o.Seed).Fit(data);
        ml.Clustering.Trainers.KMeans(new KMeansTrainer.Options
        {
            FeatureColumnName = "Features",
            NumberOfClusters = o.Clusters,
            NumberOfThreads = 1,
        }).Fit(data);
    }
}

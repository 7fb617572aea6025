using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;

namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// A binary classifier of the pattern stage: gradient-boosted trees (LightGBM by default, FastTree as option) over a
/// training set's feature vector, outputting a calibrated probability of the positive label. Training is
/// single-threaded and seeded: the same options and data give the same model, and <see cref="ToBytes"/> gives the
/// same bytes. Scoring is thread safe (each call builds its own view); training is not cancellable mid-fit.
/// </summary>
public sealed class PatternModel
{
    private readonly MLContext _ml;

    private PatternModel(MLContext ml, ITransformer model, DataViewSchema inputSchema, PatternModelOptions options,
        IReadOnlyList<string> featureNames, int trainedOn)
    {
        _ml = ml;
        Transformer = model;
        InputSchema = inputSchema;
        Options = options;
        FeatureNames = featureNames;
        TrainedOn = trainedOn;
    }

    /// <summary>The fitted ML.NET transformer (adds <c>Score</c>, <c>Probability</c>, <c>PredictedLabel</c>).</summary>
    public ITransformer Transformer { get; }

    /// <summary>The input schema: <c>Features</c>, <c>Label</c>, <c>Weight</c>.</summary>
    public DataViewSchema InputSchema { get; }

    /// <summary>The options it was trained with.</summary>
    public PatternModelOptions Options { get; }

    /// <summary>The feature names, in vector order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Samples it was fitted on.</summary>
    public int TrainedOn { get; }

    /// <summary>Fits on the training set's train part.</summary>
    public static PatternModel Train(TrainingSet set, PatternModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(set);
        return Train(set.Train, set.FeatureNames, options);
    }

    /// <summary>Fits on <paramref name="part"/> (e.g. train + validation for a refit).</summary>
    /// <exception cref="ModelingException">InvalidOptions; TrainingFailed when the learner throws.</exception>
    public static PatternModel Train(TrainingPart part, IReadOnlyList<string> featureNames, PatternModelOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(featureNames);
        options ??= PatternModelOptions.Default;
        options.Validate();
        ModelingChecks.SameLength("featureNames", featureNames.Count, part.FeatureCount);
        var ml = new MLContext(options.Seed);
        var data = TrainingRows.ToDataView(ml, part);
        var weight = options.UseWeights ? TrainingRows.Weight : null;
        IEstimator<ITransformer> trainer = options.Trainer == PatternTrainer.FastTree
            ? ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
            {
                LabelColumnName = TrainingRows.Label,
                FeatureColumnName = TrainingRows.Features,
                ExampleWeightColumnName = weight,
                NumberOfTrees = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = 1,
                Seed = options.Seed,
                FeatureSelectionSeed = options.Seed,
            })
            : ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = TrainingRows.Label,
                FeatureColumnName = TrainingRows.Features,
                ExampleWeightColumnName = weight,
                NumberOfIterations = options.NumberOfTrees,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                LearningRate = options.LearningRate,
                NumberOfThreads = 1,
                Seed = options.Seed,
                Deterministic = true,
                Silent = true,
            });
        try
        {
            var model = trainer.Fit(data);
            return new PatternModel(ml, model, data.Schema, options, [.. featureNames], part.Count);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ModelingException(ModelingErrorKind.TrainingFailed, $"{options.Trainer} training failed: {e.Message}", e)
            {
                Field = "train",
                Actual = $"{part.Count} samples, {part.Positives} positive",
            };
        }
    }

    /// <summary>The probability of the positive label for every sample of <paramref name="part"/>.</summary>
    public float[] PredictProbabilities(TrainingPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        ModelingChecks.SameLength("features", part.FeatureCount, FeatureNames.Count);
        var scored = Transformer.Transform(TrainingRows.ToDataView(_ml, part));
        return [.. scored.GetColumn<float>("Probability")];
    }

    /// <summary>Metrics of the model on <paramref name="part"/>.</summary>
    public BinaryMetrics Evaluate(TrainingPart part) => BinaryMetrics.Compute(part.Labels, PredictProbabilities(part));

    /// <summary>
    /// The model as an ML.NET zip, rewritten deterministically (entries sorted, fixed timestamps): equal models give
    /// equal bytes. <c>mlContext.Model.Load</c> reads it.
    /// </summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        _ml.Model.Save(Transformer, InputSchema, stream);
        return Export.ModelZip.Normalise(stream.ToArray());
    }

    /// <summary>Writes <see cref="ToBytes"/> to <paramref name="stream"/>.</summary>
    public void Save(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes());
    }

    /// <summary>Loads a model saved by <see cref="Save"/> for scoring; <paramref name="options"/> and names are the caller's record of it.</summary>
    public static PatternModel Load(Stream stream, IReadOnlyList<string> featureNames, PatternModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(featureNames);
        ArgumentNullException.ThrowIfNull(options);
        var ml = new MLContext(options.Seed);
        var model = ml.Model.Load(stream, out var schema);
        return new PatternModel(ml, model, schema, options, [.. featureNames], 0);
    }
}

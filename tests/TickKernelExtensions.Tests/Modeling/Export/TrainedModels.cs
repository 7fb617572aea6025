using Microsoft.ML;

namespace TickKernelExtensions.Tests.Modeling.Export;

/// <summary>The classifier and anomaly model trained once per test class.</summary>
public sealed class TrainedModels
{
    public ITransformer Classifier { get; } = BundleTestModels.TrainClassifier();

    public ITransformer Anomaly { get; } = BundleTestModels.TrainAnomaly();
}

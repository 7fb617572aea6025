using System.Globalization;
using Microsoft.ML;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// An optional anomaly model bundled beside the classifier (e.g. ML.NET's randomised PCA): it reads the same feature
/// vector (same <see cref="ModelSignature"/>) and writes a <c>Score</c> column (float32); a score above
/// <see cref="Threshold"/> turns any signal flat (reason <c>anomaly</c>). Stored as <c>anomaly.zip</c>.
/// </summary>
/// <param name="Model">The fitted anomaly transformer.</param>
/// <param name="Threshold">Scores strictly above it are anomalies; finite.</param>
public sealed record AnomalyDetector(ITransformer Model, double Threshold)
{
    internal void Validate(List<string> errors)
    {
        if (Model is null)
        {
            errors.Add("Anomaly.Model must not be null");
        }
        if (!double.IsFinite(Threshold))
        {
            errors.Add($"Anomaly.Threshold must be finite, was {Threshold.ToString(CultureInfo.InvariantCulture)}");
        }
    }
}

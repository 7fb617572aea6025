namespace TickKernelExtensions.Modeling.Training;

/// <summary>
/// Unweighted classification metrics of predicted probabilities against binary labels, computed here (not by
/// ML.NET's evaluator) so they are defined for every part, ties included. AUC is the Mann-Whitney statistic with
/// ties counted half; log loss uses probabilities clipped to [1e-15, 1 − 1e-15] and the natural log; accuracy
/// thresholds at 0.5; Brier is the mean squared error of the probability.
/// </summary>
/// <param name="Count">Samples scored.</param>
/// <param name="Positives">Samples labelled true.</param>
/// <param name="Auc">Area under the ROC curve; NaN when one class is absent.</param>
/// <param name="LogLoss">Mean negative log likelihood, natural log.</param>
/// <param name="Accuracy">Share of samples whose probability is on the label's side of 0.5.</param>
/// <param name="Brier">Mean of (p − y)².</param>
/// <param name="PositiveRate">Share of samples labelled true (the base rate).</param>
/// <param name="PredictedPositiveRate">Share of samples with p ≥ 0.5.</param>
public sealed record BinaryMetrics(int Count, int Positives, double Auc, double LogLoss, double Accuracy, double Brier,
    double PositiveRate, double PredictedPositiveRate)
{
    /// <summary>
    /// Half-width of the band an AUC of a model without skill stays in, <c>z × sqrt((n₊ + n₋ + 1) / (12 n₊ n₋))</c>:
    /// the null standard deviation of the Mann-Whitney AUC, times <paramref name="z"/> (default 3).
    /// </summary>
    public double NullAucHalfWidth(double z = 3.0)
    {
        double positives = Positives, negatives = Count - Positives;
        return z * Math.Sqrt((positives + negatives + 1) / (12.0 * positives * negatives));
    }

    /// <summary>Computes the metrics; <paramref name="probabilities"/> holds one value in [0, 1] per label.</summary>
    public static BinaryMetrics Compute(ReadOnlySpan<bool> labels, ReadOnlySpan<float> probabilities)
    {
        ModelingChecks.SameLength("probabilities", probabilities.Length, labels.Length);
        var n = labels.Length;
        if (n == 0)
        {
            throw new ModelingException(ModelingErrorKind.InvalidInput, "No samples to evaluate.") { Field = "labels", Expected = "at least 1 sample", Actual = "0" };
        }
        int positives = 0, correct = 0, predicted = 0;
        double logLoss = 0, brier = 0;
        for (var i = 0; i < n; i++)
        {
            var p = (double)probabilities[i];
            var y = labels[i] ? 1.0 : 0.0;
            positives += labels[i] ? 1 : 0;
            predicted += p >= 0.5 ? 1 : 0;
            correct += (p >= 0.5) == labels[i] ? 1 : 0;
            var clipped = Math.Clamp(p, 1e-15, 1 - 1e-15);
            logLoss -= labels[i] ? Math.Log(clipped) : Math.Log(1 - clipped);
            brier += (p - y) * (p - y);
        }
        return new BinaryMetrics(n, positives, RankAuc(labels, probabilities), logLoss / n, (double)correct / n, brier / n,
            (double)positives / n, (double)predicted / n);
    }

    /// <summary>The Mann-Whitney AUC with ties counted half (average ranks); NaN when one class is absent.</summary>
    public static double RankAuc(ReadOnlySpan<bool> labels, ReadOnlySpan<float> scores)
    {
        var n = labels.Length;
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        var keys = scores.ToArray();
        Array.Sort(order, (a, b) => keys[a].CompareTo(keys[b]));
        double rankSum = 0;
        long positives = 0;
        var start = 0;
        while (start < n)
        {
            var end = start;
            while (end + 1 < n && keys[order[end + 1]].Equals(keys[order[start]]))
            {
                end++;
            }
            var rank = ((start + end) / 2.0) + 1;
            for (var k = start; k <= end; k++)
            {
                if (labels[order[k]])
                {
                    rankSum += rank;
                    positives++;
                }
            }
            start = end + 1;
        }
        var negatives = n - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (rankSum - (positives * (positives + 1) / 2.0)) / (positives * (double)negatives);
    }
}

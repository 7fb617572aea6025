namespace TickKernelExtensions.Modeling.Training;

/// <summary>One reliability bin: predictions in <c>[Lower, Upper)</c> (the last bin includes 1), their mean and the observed positive rate.</summary>
public sealed record CalibrationBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate)
{
    /// <summary>Equal-width reliability bins of <paramref name="probabilities"/> against <paramref name="labels"/>; empty bins have NaN means.</summary>
    public static CalibrationBin[] Compute(ReadOnlySpan<bool> labels, IReadOnlyList<float> probabilities, int bins = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        ModelingChecks.SameLength("probabilities", probabilities.Count, labels.Length);
        var counts = new int[bins];
        var sums = new double[bins];
        var positives = new int[bins];
        for (var i = 0; i < labels.Length; i++)
        {
            var b = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            counts[b]++;
            sums[b] += probabilities[i];
            positives[b] += labels[i] ? 1 : 0;
        }
        var result = new CalibrationBin[bins];
        for (var b = 0; b < bins; b++)
        {
            result[b] = new CalibrationBin((double)b / bins, (double)(b + 1) / bins, counts[b],
                counts[b] == 0 ? double.NaN : sums[b] / counts[b], counts[b] == 0 ? double.NaN : (double)positives[b] / counts[b]);
        }
        return result;
    }
}

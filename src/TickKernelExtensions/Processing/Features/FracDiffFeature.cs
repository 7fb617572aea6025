using System.Globalization;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Fixed-width-window fractional differentiation (FFD, López de Prado, AFML ch. 5) of <c>x_t = ln(midClose_t)</c>:
/// <c>y_t = Σ_{k=0}^{W−1} w_k · x_{t−k}</c> with <c>w_0 = 1</c>, <c>w_k = −w_{k−1} (d − k + 1) / k</c>, keeping
/// weights while <c>|w_k| ≥ threshold</c> (the first smaller one ends the window) and at most <c>maxWidth</c> of
/// them. NaN for the first <c>W − 1</c> bars. d = 1 is the one-bar log return; small d keeps more memory.
/// Typical: d = 0.4, threshold = 1e-4 (W ≈ 280 bars). See <see cref="FeatureKinds.FracDiff"/>.
/// </summary>
public sealed class FracDiffFeature : IBarFeature
{
    private readonly double[] _weights;
    private readonly RollingWindow _logs;

    /// <summary>Creates the feature; <paramref name="d"/> in (0, 2), <paramref name="threshold"/> in (0, 1), <paramref name="maxWidth"/> ≥ 1.</summary>
    public FracDiffFeature(double d, double threshold = 1e-4, int maxWidth = 10_000)
    {
        _weights = Weights(d, threshold, maxWidth);
        _logs = new RollingWindow(_weights.Length);
        Spec = FeatureSpec.FracDiff(d, threshold, maxWidth);
        Columns = ["ffd_" + d.ToString("R", CultureInfo.InvariantCulture)];
    }

    /// <summary>The window width W (number of weights).</summary>
    public int Width => _weights.Length;

    /// <inheritdoc />
    public FeatureSpec Spec { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public int WarmUpBars => _weights.Length - 1;

    /// <summary>The FFD weights <c>w_0 … w_{W−1}</c>, newest observation first.</summary>
    public static double[] Weights(double d, double threshold, int maxWidth)
    {
        if (!(d > 0 && d < 2))
        {
            throw new ArgumentOutOfRangeException(nameof(d), d, "d must be in (0, 2).");
        }
        if (!(threshold > 0 && threshold < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "threshold must be in (0, 1).");
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWidth, 1);
        var weights = new List<double> { 1.0 };
        while (weights.Count < maxWidth)
        {
            var k = weights.Count;
            var w = -weights[k - 1] * (d - k + 1) / k;
            if (Math.Abs(w) < threshold)
            {
                break;
            }
            weights.Add(w);
        }
        return [.. weights];
    }

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        _logs.Add(Math.Log(bar.MidClose));
        if (!_logs.IsFull)
        {
            output[0] = double.NaN;
            return;
        }
        var sum = 0.0;
        for (var k = 0; k < _weights.Length; k++)
        {
            sum += _weights[k] * _logs[k];
        }
        output[0] = sum;
    }

    /// <inheritdoc />
    public void Reset() => _logs.Clear();
}

using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Rolling z-score <c>(x_t − mean) / sd</c> of a bar field over the last <c>window</c> bars including the current
/// one (population standard deviation, recomputed over the window). NaN for the first <c>window − 1</c> bars and
/// when the window is constant (sd = 0). Used for the mid close (<see cref="FeatureKinds.MidZScore"/>) and the mean
/// spread (<see cref="FeatureKinds.SpreadZScore"/>).
/// </summary>
public sealed class ZScoreFeature : IBarFeature
{
    private readonly RollingWindow _values;
    private readonly BarField _field;

    /// <summary>Creates the z-score of <paramref name="field"/> (MidClose or SpreadMean) over <paramref name="window"/> bars (≥ 2).</summary>
    public ZScoreFeature(BarField field, int window)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        (Spec, var column) = field switch
        {
            BarField.MidClose => (FeatureSpec.MidZScore(window), $"mid_z_{window}"),
            BarField.SpreadMean => (FeatureSpec.SpreadZScore(window), $"spread_z_{window}"),
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Only MidClose and SpreadMean have a z-score feature."),
        };
        _field = field;
        Window = window;
        _values = new RollingWindow(window);
        Columns = [column];
    }

    /// <summary>Window in bars.</summary>
    public int Window { get; }

    /// <inheritdoc />
    public FeatureSpec Spec { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> Columns { get; }

    /// <inheritdoc />
    public int WarmUpBars => Window - 1;

    /// <inheritdoc />
    public void Update(in Bar bar, Span<double> output)
    {
        _values.Add(_field == BarField.MidClose ? bar.MidClose : bar.SpreadMean);
        output[0] = _values.ZScoreOfNewest();
    }

    /// <inheritdoc />
    public void Reset() => _values.Clear();
}

using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;
using static TickKernelExtensions.Tests.Processing.Features.FeatureTestData;

namespace TickKernelExtensions.Tests.Processing.Features;

/// <summary>Hand-computed values and warm-up of each online feature.</summary>
public sealed class BarFeatureTests
{
    private static double[] Run(IBarFeature feature, params Bar[] bars)
    {
        var width = feature.Columns.Count;
        var values = new double[bars.Length * width];
        for (var i = 0; i < bars.Length; i++)
        {
            feature.Update(bars[i], values.AsSpan(i * width, width));
        }
        return values;
    }

    [Fact]
    public void LogReturnFeature_HorizonTwo_IsNaNThenLogRatio()
    {
        var v = Run(new LogReturnFeature(2), MidBar(0, 1.0), MidBar(1, 2.0), MidBar(2, 4.0), MidBar(3, 2.0));

        Assert.True(double.IsNaN(v[0]) && double.IsNaN(v[1]));
        Assert.Equal(Math.Log(4.0), v[2]);
        Assert.Equal(Math.Log(1.0), v[3]);
    }

    [Fact]
    public void RealizedVolatilityFeature_WindowTwo_IsRootOfSquaredReturns()
    {
        var v = Run(new RealizedVolatilityFeature(2), MidBar(0, 1.0), MidBar(1, 2.0), MidBar(2, 1.0), MidBar(3, 1.0));

        Assert.True(double.IsNaN(v[0]) && double.IsNaN(v[1]));
        Assert.Equal(Math.Sqrt(2) * Math.Log(2.0), v[2], 1e-15);
        Assert.Equal(Math.Log(2.0), v[3], 1e-15);
    }

    [Fact]
    public void MidZScore_WindowThree_UsesPopulationDeviationAndNaNWhenFlat()
    {
        var v = Run(new ZScoreFeature(BarField.MidClose, 3),
            MidBar(0, 1.0), MidBar(1, 2.0), MidBar(2, 3.0), MidBar(3, 3.0), MidBar(4, 3.0), MidBar(5, 3.0));

        Assert.True(double.IsNaN(v[0]) && double.IsNaN(v[1]));
        Assert.Equal(1 / Math.Sqrt(2.0 / 3.0), v[2], 1e-15);
        Assert.Equal((3 - (8.0 / 3.0)) / Math.Sqrt(2.0 / 9.0), v[3], 1e-12);
        Assert.True(double.IsNaN(v[5]));
    }

    [Fact]
    public void SpreadFeatures_GiveRelativeSpreadAndItsZScore()
    {
        Assert.Equal(0.0002 / 1.25, Run(new RelativeSpreadFeature(), MidBar(0, 1.25))[0]);
        var z = Run(new ZScoreFeature(BarField.SpreadMean, 2), MidBar(0, 1, 0.0001), MidBar(1, 1, 0.0003));
        Assert.Equal(1.0, z[1], 1e-12);
    }

    [Fact]
    public void QuoteImbalanceFeature_UsesVolumesAndIsNaNWithoutThem()
    {
        var v = Run(new QuoteImbalanceFeature(),
            MidBar(0, 1, bidVolume: 3, askVolume: 1), MidBar(1, 1, bidVolume: double.NaN, askVolume: 1), MidBar(2, 1, bidVolume: 0, askVolume: 0));

        Assert.Equal(0.5, v[0]);
        Assert.True(double.IsNaN(v[1]) && double.IsNaN(v[2]));
    }

    [Fact]
    public void TimeOfDayFeature_SixInTheMorning_IsSineOneCosineZero()
    {
        var v = Run(new TimeOfDayFeature(), MidBar(6 * 60, 1), MidBar(0, 1));

        Assert.Equal(1.0, v[0], 1e-15);
        Assert.Equal(0.0, v[1], 1e-15);
        Assert.Equal((0.0, 1.0), (v[2], v[3]));
    }

    [Fact]
    public void SessionFeature_NewYorkFivePm_CountsMinutesAcrossDaylightSaving()
    {
        var feature = new SessionFeature("America/New_York", new TimeOnly(17, 0));
        // 2024-01-02 is winter (17:00 New York = 22:00 UTC): 23:30 UTC is 90 minutes in; 21:59 UTC is late in the previous session.
        var v = Run(feature, MidBar((23 * 60) + 30, 1), MidBar((2 * 1440) + (21 * 60) + 59, 1));

        Assert.Equal(90, v[0]);
        Assert.Equal(1439, v[1]);
        var summer = new Bar(T0 + (183L * 1440 * Minute) + (21 * 60 * Minute), 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1);
        var s = new double[1];
        feature.Update(summer, s);
        Assert.Equal(0, s[0]);
    }
}

using TickKernelExtensions.Processing.Features;
using static TickKernelExtensions.Tests.Processing.Features.FeatureTestData;

namespace TickKernelExtensions.Tests.Processing.Features;

public sealed class FracDiffFeatureTests
{
    [Fact]
    public void Weights_DPointFour_MatchTheRecursionByHand()
    {
        // w0 = 1, w1 = −d, w2 = −w1(d−1)/2 = −0.12, w3 = −w2(d−2)/3 = −0.064, w4 = −w3(d−3)/4 = −0.0416.
        var w = FracDiffFeature.Weights(0.4, 0.04, 100);

        Assert.Equal(5, w.Length);
        double[] expected = [1, -0.4, -0.12, -0.064, -0.0416];
        for (var k = 0; k < expected.Length; k++)
        {
            Assert.Equal(expected[k], w[k], 1e-15);
        }
    }

    [Fact]
    public void Weights_MaxWidth_CutsTheWindow()
    {
        Assert.Equal(3, FracDiffFeature.Weights(0.4, 1e-9, 3).Length);
        Assert.InRange(new FracDiffFeature(0.4).Width, 250, 320);
    }

    [Fact]
    public void Update_DHalfThresholdTenth_GivesHandComputedValues()
    {
        // Weights for d = 0.5, τ = 0.1: 1, −0.5, −0.125 (next, −0.0625, is below τ). Input ln(mid) = 1, 2, 4, 7.
        var feature = new FracDiffFeature(0.5, 0.1, 100);
        Assert.Equal(3, feature.Width);
        Assert.Equal(2, feature.WarmUpBars);
        double[] logs = [1, 2, 4, 7];
        var values = new double[logs.Length];
        for (var i = 0; i < logs.Length; i++)
        {
            feature.Update(MidBar(i, Math.Exp(logs[i])), values.AsSpan(i, 1));
        }

        Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[1]));
        Assert.Equal(4 - (0.5 * 2) - (0.125 * 1), values[2], 1e-12);
        Assert.Equal(7 - (0.5 * 4) - (0.125 * 2), values[3], 1e-12);
    }

    [Fact]
    public void Update_DOne_IsTheOneBarLogReturn()
    {
        var ffd = new FracDiffFeature(1.0, 1e-4, 100);
        var ret = new LogReturnFeature(1);
        Assert.Equal(2, ffd.Width);
        Span<double> a = stackalloc double[1];
        Span<double> b = stackalloc double[1];
        double[] mids = [1.1, 1.1003, 1.0998, 1.1012];
        for (var i = 0; i < mids.Length; i++)
        {
            ffd.Update(MidBar(i, mids[i]), a);
            ret.Update(MidBar(i, mids[i]), b);
            if (i > 0)
            {
                Assert.Equal(b[0], a[0], 1e-15);
            }
        }
    }

    [Fact]
    public void Constructor_DOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FracDiffFeature(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new FracDiffFeature(0.4, 0));
    }
}

using TickKernelExtensions.Ingest.Simulation;

namespace TickKernelExtensions.Tests.Ingest.Simulation;

public sealed class PortableMathTests
{
    [Fact]
    public void Exp_AcrossItsRange_AgreesWithMathExp()
    {
        for (var x = -744.0; x <= 709.0; x += 0.0937)
        {
            AssertClose(Math.Exp(x), PortableMath.Exp(x), x);
        }
        for (var x = -1.0; x <= 1.0; x += 0.000913)
        {
            AssertClose(Math.Exp(x), PortableMath.Exp(x), x);
        }
    }

    [Fact]
    public void Log_AcrossItsRange_AgreesWithMathLog()
    {
        for (var e = -1074.0; e <= 1023.0; e += 0.731)
        {
            var x = Math.Pow(2, e);
            AssertClose(Math.Log(x), PortableMath.Log(x), x);
        }
        for (var x = 0.5; x <= 2.0; x += 0.000731)
        {
            AssertClose(Math.Log(x), PortableMath.Log(x), x);
        }
    }

    [Fact]
    public void ExpAndLog_SpecialValues_FollowIeee()
    {
        Assert.Equal(1.0, PortableMath.Exp(0));
        Assert.Equal(0.0, PortableMath.Log(1));
        Assert.Equal(double.PositiveInfinity, PortableMath.Exp(800));
        Assert.Equal(0.0, PortableMath.Exp(-800));
        Assert.Equal(double.NegativeInfinity, PortableMath.Log(0));
        Assert.True(double.IsNaN(PortableMath.Log(-1)));
        Assert.True(double.IsNaN(PortableMath.Exp(double.NaN)));
        Assert.Equal(double.PositiveInfinity, PortableMath.Log(double.PositiveInfinity));
    }

    private static void AssertClose(double expected, double actual, double x)
    {
        // A few units in the last place: portable, not correctly rounded.
        var tolerance = (Math.Abs(expected) * 1e-15) + 1e-300;
        Assert.True(Math.Abs(expected - actual) <= tolerance, $"x = {x:R}: expected {expected:R}, actual {actual:R}");
    }
}

namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>The standard normal CDF Φ and its inverse; Φ to a relative error of about 1e-14 (tests check it against Python's math.erfc).</summary>
internal static class NormalDistribution
{
    private static readonly double InvSqrt2Pi = 1 / Math.Sqrt(2 * Math.PI);

    /// <summary>
    /// Φ(x) by Marsaglia's series (Marsaglia 2004, "Evaluating the Normal Distribution", J. Stat. Softw. 11(4)):
    /// Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …), summed until the terms stop changing it, for |x| ≤ 3; beyond, the
    /// tail's continued fraction (the series cancels there); 0 or 1 beyond |x| = 38.
    /// </summary>
    public static double Cdf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (x < -38)
        {
            return 0;
        }
        if (x > 38)
        {
            return 1;
        }
        if (Math.Abs(x) > 3)
        {
            var tail = Tail(Math.Abs(x));
            return x > 0 ? 1 - tail : tail;
        }
        double sum = x, term = x, q = x * x;
        for (var i = 3; ; i += 2)
        {
            term = term * q / i;
            var next = sum + term;
            if (next == sum)
            {
                break;
            }
            sum = next;
        }
        return 0.5 + (sum * InvSqrt2Pi * Math.Exp(-0.5 * q));
    }

    /// <summary>
    /// Φ⁻¹(p): Acklam's rational approximation (relative error 1.15e-9) refined by one Halley step on <see cref="Cdf"/>.
    /// −∞ at 0, +∞ at 1, NaN outside [0, 1].
    /// </summary>
    public static double InverseCdf(double p)
    {
        if (double.IsNaN(p) || p < 0 || p > 1)
        {
            return double.NaN;
        }
        if (p == 0)
        {
            return double.NegativeInfinity;
        }
        if (p == 1)
        {
            return double.PositiveInfinity;
        }
        const double low = 0.02425;
        double x;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
        }
        else if (p <= 1 - low)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((A0 * r + A1) * r + A2) * r + A3) * r + A4) * r + A5) * q / (((((B0 * r + B1) * r + B2) * r + B3) * r + B4) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((C0 * q + C1) * q + C2) * q + C3) * q + C4) * q + C5) / ((((D0 * q + D1) * q + D2) * q + D3) * q + 1);
        }
        var e = Cdf(x) - p;
        var u = e * Math.Sqrt(2 * Math.PI) * Math.Exp(x * x / 2);
        return x - (u / (1 + (x * u / 2)));
    }

    /// <summary>1 − Φ(x) for x &gt; 3 by Laplace's continued fraction φ(x)/(x + 1/(x + 2/(x + 3/(x + …)))).</summary>
    private static double Tail(double x)
    {
        var f = x;
        for (var k = 60; k >= 1; k--)
        {
            f = x + (k / f);
        }
        return InvSqrt2Pi * Math.Exp(-0.5 * x * x) / f;
    }

    private const double A0 = -3.969683028665376e+01, A1 = 2.209460984245205e+02, A2 = -2.759285104469687e+02,
        A3 = 1.383577518672690e+02, A4 = -3.066479806614716e+01, A5 = 2.506628277459239e+00;
    private const double B0 = -5.447609879822406e+01, B1 = 1.615858368580409e+02, B2 = -1.556989798598866e+02,
        B3 = 6.680131188771972e+01, B4 = -1.328068155288572e+01;
    private const double C0 = -7.784894002430293e-03, C1 = -3.223964580411365e-01, C2 = -2.400758277161838e+00,
        C3 = -2.549732539343734e+00, C4 = 4.374664141464968e+00, C5 = 2.938163982698783e+00;
    private const double D0 = 7.784695709041462e-03, D1 = 3.224671290700398e-01, D2 = 2.445134137142996e+00,
        D3 = 3.754408661907416e+00;
}

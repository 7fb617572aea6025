namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// <c>exp</c> and <c>log</c> written with IEEE-754 arithmetic only (add, multiply, divide, and exact
/// power-of-two scaling), so every machine computes the same bits. <see cref="Math.Exp"/> and
/// <see cref="Math.Log(double)"/> call the platform's C library, whose last bit may differ between Linux, Windows
/// and macOS; one flipped bit can move a simulated price across a rounding boundary and break the
/// "same seed, same ticks everywhere" promise. Accurate to about 1e-15 relative, which is all a simulator
/// needs; within a few units in the last place, not correctly rounded.
/// </summary>
internal static class PortableMath
{
    // Cody-Waite split of ln 2 (fdlibm): k * Ln2Hi is exact for |k| < 2^11.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309514547e+00;

    /// <summary>e raised to <paramref name="x"/>.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x > 709.78)
        {
            return double.PositiveInfinity;
        }
        if (x < -745.2)
        {
            return 0;
        }
        // x = k ln2 + r with |r| <= ln2 / 2, then exp(x) = 2^k exp(r).
        var k = Math.Round(x * InvLn2, MidpointRounding.ToEven);
        var r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        // Taylor series to r^14 / 14!: the next term is below 1e-18 for |r| <= 0.347. Even and odd
        // terms are two independent Horner chains in r^2, which the processor runs side by side.
        var r2 = r * r;
        var even = 1.0 / 87178291200.0;
        even = (even * r2) + (1.0 / 479001600.0);
        even = (even * r2) + (1.0 / 3628800.0);
        even = (even * r2) + (1.0 / 40320.0);
        even = (even * r2) + (1.0 / 720.0);
        even = (even * r2) + (1.0 / 24.0);
        even = (even * r2) + 0.5;
        even = (even * r2) + 1.0;
        var odd = 1.0 / 6227020800.0;
        odd = (odd * r2) + (1.0 / 39916800.0);
        odd = (odd * r2) + (1.0 / 362880.0);
        odd = (odd * r2) + (1.0 / 5040.0);
        odd = (odd * r2) + (1.0 / 120.0);
        odd = (odd * r2) + (1.0 / 6.0);
        odd = (odd * r2) + 1.0;
        var p = even + (r * odd);
        return Math.ScaleB(p, (int)k);
    }

    /// <summary>The natural logarithm of <paramref name="x"/>; NaN below zero, negative infinity at zero.</summary>
    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }
        if (x == 0)
        {
            return double.NegativeInfinity;
        }
        if (double.IsPositiveInfinity(x))
        {
            return x;
        }
        var e = 0;
        if (x < 2.2250738585072014E-308)
        {
            // Subnormal: scale into the normal range first (exact).
            x *= 18014398509481984.0; // 2^54
            e = -54;
        }
        var bits = BitConverter.DoubleToInt64Bits(x);
        e += (int)((bits >> 52) & 0x7FF) - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            e++;
        }
        // log(m) = 2 atanh(s) with s = (m - 1) / (m + 1), |s| <= 0.1716, so s^2 <= 0.0295.
        var f = m - 1.0;
        var s = f / (2.0 + f);
        var z = s * s;
        // 1 + z/3 + z^2/5 + ... + z^12/25, as two independent Horner chains in z^2.
        var z2 = z * z;
        var a = 1.0 / 25.0;
        a = (a * z2) + (1.0 / 21.0);
        a = (a * z2) + (1.0 / 17.0);
        a = (a * z2) + (1.0 / 13.0);
        a = (a * z2) + (1.0 / 9.0);
        a = (a * z2) + (1.0 / 5.0);
        a = (a * z2) + 1.0;
        var b = 1.0 / 23.0;
        b = (b * z2) + (1.0 / 19.0);
        b = (b * z2) + (1.0 / 15.0);
        b = (b * z2) + (1.0 / 11.0);
        b = (b * z2) + (1.0 / 7.0);
        b = (b * z2) + (1.0 / 3.0);
        var q = a + (z * b);
        var logM = 2.0 * s * q;
        return (e * Ln2Hi) + (logM + (e * Ln2Lo));
    }
}

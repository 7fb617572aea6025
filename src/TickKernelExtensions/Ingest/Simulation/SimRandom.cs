using System.Numerics;

namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>
/// A small splittable pseudo-random generator: xoshiro256** seeded through SplitMix64 from a stream
/// key, so any (seed, symbol, hour, purpose) gets its own independent stream without generating the
/// ones before it. Everything is integer arithmetic or <see cref="PortableMath"/>, so the same key gives
/// the same numbers on every machine and .NET version (unlike <see cref="Random"/>, whose algorithm is
/// not part of its contract). Not thread safe: one instance per stream.
/// </summary>
internal sealed class SimRandom
{
    private const double InvTwo53 = 1.0 / 9007199254740992.0;
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double _spareGaussian;
    private bool _hasSpare;

    /// <summary>Creates the stream for a 64-bit key.</summary>
    public SimRandom(ulong key)
    {
        var x = key;
        _s0 = SplitMix64(ref x);
        _s1 = SplitMix64(ref x);
        _s2 = SplitMix64(ref x);
        _s3 = SplitMix64(ref x);
    }

    /// <summary>The stream for one purpose of one hour of one symbol in a run with <paramref name="seed"/>.</summary>
    public static SimRandom For(long seed, ulong symbolKey, long hourNumber, RandomPurpose purpose) =>
        new(StreamKey(seed, symbolKey, hourNumber, purpose));

    /// <summary>Mixes the parts of a stream identity into one key (each step is a SplitMix64 finaliser).</summary>
    public static ulong StreamKey(long seed, ulong symbolKey, long hourNumber, RandomPurpose purpose)
    {
        var k = Mix((ulong)seed);
        k = Mix(k ^ symbolKey);
        k = Mix(k ^ (ulong)hourNumber);
        return Mix(k ^ (ulong)purpose);
    }

    /// <summary>A stable 64-bit key for a symbol (FNV-1a of its upper-case text): adding or reordering
    /// symbols in a run never changes another symbol's ticks.</summary>
    public static ulong SymbolKey(string symbol)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var h = 14695981039346656037UL;
        foreach (var c in symbol.ToUpperInvariant())
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return h;
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * InvTwo53;

    /// <summary>Uniform in (0, 1): safe to take the logarithm of.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 0.5) * InvTwo53;

    /// <summary>Uniform integer in [0, <paramref name="maxExclusive"/>), without modulo bias (Lemire).</summary>
    public int NextInt(int maxExclusive)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxExclusive);
        var n = (ulong)maxExclusive;
        var high = Math.BigMul(NextUInt64(), n, out var low);
        if (low < n)
        {
            var threshold = (0 - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }
        return (int)high;
    }

    /// <summary>+1 or -1 with equal probability.</summary>
    public int NextSign() => (NextUInt64() >> 63) == 0 ? 1 : -1;

    /// <summary>Standard normal (Marsaglia's polar method: only log and sqrt, both portable here).</summary>
    public double NextGaussian()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareGaussian;
        }
        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);
        var factor = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        _spareGaussian = v * factor;
        _hasSpare = true;
        return u * factor;
    }

    /// <summary>Exponential with mean 1.</summary>
    public double NextExponential() => -PortableMath.Log(NextOpenDouble());

    /// <summary>
    /// Poisson with mean <paramref name="lambda"/>, exact: Knuth's product method on pieces of mean at
    /// most 30 (a sum of independent Poissons is Poisson). Costs about lambda uniforms.
    /// </summary>
    public int NextPoisson(double lambda)
    {
        if (!(lambda > 0))
        {
            return 0;
        }
        const double piece = 30.0;
        var pieces = (int)Math.Ceiling(lambda / piece);
        var limit = PortableMath.Exp(-lambda / pieces);
        var count = 0;
        for (var i = 0; i < pieces; i++)
        {
            var product = NextDouble();
            while (product > limit)
            {
                count++;
                product *= NextDouble();
            }
        }
        return count;
    }

    /// <summary>Binomial(n, 1/2), exact: the number of set bits among n random bits.</summary>
    public int NextBinomialHalf(int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        var ones = 0;
        var remaining = n;
        while (remaining >= 64)
        {
            ones += BitOperations.PopCount(NextUInt64());
            remaining -= 64;
        }
        if (remaining > 0)
        {
            ones += BitOperations.PopCount(NextUInt64() & ((1UL << remaining) - 1));
        }
        return ones;
    }

    /// <summary>
    /// Binomial(n, p), exact, for small p: counts successes by jumping geometric gaps, so it costs one
    /// logarithm per success rather than one uniform per trial.
    /// </summary>
    public int NextBinomialRare(int n, double p)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0 || !(p > 0))
        {
            return 0;
        }
        if (p >= 1)
        {
            return n;
        }
        var logQ = PortableMath.Log(1.0 - p);
        var count = 0;
        var position = -1.0;
        while (true)
        {
            position += 1.0 + Math.Floor(PortableMath.Log(NextOpenDouble()) / logQ);
            if (position >= n)
            {
                return count;
            }
            count++;
        }
    }

    /// <summary>
    /// Fills <paramref name="destination"/> with sorted uniforms in [0, 1) without sorting: the normalised
    /// partial sums of n + 1 exponentials are distributed exactly as the order statistics of n uniforms.
    /// O(n), where a sort of n doubles costs several times more here.
    /// </summary>
    public void FillSortedUniforms(Span<double> destination)
    {
        var sum = 0.0;
        for (var i = 0; i < destination.Length; i++)
        {
            sum += NextExponential();
            destination[i] = sum;
        }
        var scale = 1.0 / (sum + NextExponential());
        for (var i = 0; i < destination.Length; i++)
        {
            // The product can round up to 1 only in theory; keep the interval half-open.
            destination[i] = Math.Min(destination[i] * scale, 0.9999999999999999);
        }
    }

    /// <summary>
    /// <paramref name="k"/> distinct integers from [0, <paramref name="n"/>), sorted (Floyd's algorithm).
    /// </summary>
    public int[] NextDistinctSorted(int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var chosen = new HashSet<int>(k);
        for (var j = n - k; j < n; j++)
        {
            var t = NextInt(j + 1);
            chosen.Add(chosen.Contains(t) ? j : t);
        }
        var result = chosen.ToArray();
        Array.Sort(result);
        return result;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Finalise(state);
    }

    private static ulong Mix(ulong x) => Finalise(x + 0x9E3779B97F4A7C15UL);

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// The per-page passes over column values: min/max of timestamps, and for the optional float columns
/// null (NaN) count plus min/max of the non-null values in one pass. Each vectorised kernel has a plain
/// scalar twin (<c>...Scalar</c>) that tests check it against.
/// </summary>
internal static class ColumnKernels
{
    /// <summary>Min and max of a non-empty span.</summary>
    public static void MinMax(ReadOnlySpan<long> values, out long min, out long max)
    {
        if (!Vector256.IsHardwareAccelerated || values.Length < Vector256<long>.Count)
        {
            MinMaxScalar(values, out min, out max);
            return;
        }
        ref var start = ref MemoryMarshal.GetReference(values);
        var vmin = Vector256.Create(long.MaxValue);
        var vmax = Vector256.Create(long.MinValue);
        var last = values.Length - Vector256<long>.Count;
        for (var i = 0; i < last; i += Vector256<long>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)i);
            vmin = Vector256.Min(vmin, v);
            vmax = Vector256.Max(vmax, v);
        }
        // The last (possibly overlapping) vector covers the tail; repeats do not change a min or max.
        var tail = Vector256.LoadUnsafe(ref start, (nuint)last);
        vmin = Vector256.Min(vmin, tail);
        vmax = Vector256.Max(vmax, tail);
        min = vmin[0];
        max = vmax[0];
        for (var lane = 1; lane < Vector256<long>.Count; lane++)
        {
            min = Math.Min(min, vmin[lane]);
            max = Math.Max(max, vmax[lane]);
        }
    }

    public static void MinMaxScalar(ReadOnlySpan<long> values, out long min, out long max)
    {
        min = long.MaxValue;
        max = long.MinValue;
        foreach (var v in values)
        {
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
    }

    /// <summary>
    /// Counts NaNs (nulls) and finds min/max of the other values. With no non-null value, min is +inf
    /// and max is -inf. Signed zeros are not told apart here: callers apply the format's zero rule.
    /// </summary>
    public static int ScanNullable<T>(ReadOnlySpan<T> values, out T min, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!Vector256.IsHardwareAccelerated || !Vector256<T>.IsSupported || values.Length < Vector256<T>.Count)
        {
            return ScanNullableScalar(values, out min, out max);
        }
        ref var start = ref MemoryMarshal.GetReference(values);
        var positive = Vector256.Create(T.PositiveInfinity);
        var negative = Vector256.Create(T.NegativeInfinity);
        var vmin = positive;
        var vmax = negative;
        var nulls = 0;
        var i = 0;
        for (; i <= values.Length - Vector256<T>.Count; i += Vector256<T>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)i);
            var valid = Vector256.Equals(v, v);
            nulls += BitOperations.PopCount(~Vector256.ExtractMostSignificantBits(valid) & LaneMask<T>());
            vmin = Vector256.MinNative(vmin, Vector256.ConditionalSelect(valid, v, positive));
            vmax = Vector256.MaxNative(vmax, Vector256.ConditionalSelect(valid, v, negative));
        }
        min = vmin[0];
        max = vmax[0];
        for (var lane = 1; lane < Vector256<T>.Count; lane++)
        {
            min = vmin[lane] < min ? vmin[lane] : min;
            max = vmax[lane] > max ? vmax[lane] : max;
        }
        for (; i < values.Length; i++)
        {
            var v = values[i];
            if (T.IsNaN(v))
            {
                nulls++;
                continue;
            }
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        return nulls;
    }

    public static int ScanNullableScalar<T>(ReadOnlySpan<T> values, out T min, out T max)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        min = T.PositiveInfinity;
        max = T.NegativeInfinity;
        var nulls = 0;
        foreach (var v in values)
        {
            if (T.IsNaN(v))
            {
                nulls++;
                continue;
            }
            min = v < min ? v : min;
            max = v > max ? v : max;
        }
        return nulls;
    }

    /// <summary>
    /// Splits values into definition levels (1 = present, 0 = NaN/null) and the present values packed
    /// together, as a v1 data page stores them. Returns the number of present values.
    /// </summary>
    public static int SplitNulls<T>(ReadOnlySpan<T> values, Span<byte> levels, Span<T> present)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var v = values[i];
            var isPresent = !T.IsNaN(v);
            levels[i] = isPresent ? (byte)1 : (byte)0;
            present[n] = v;
            n += isPresent ? 1 : 0;
        }
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint LaneMask<T>() where T : unmanaged =>
        Vector256<T>.Count == 32 ? uint.MaxValue : (1u << Vector256<T>.Count) - 1;
}

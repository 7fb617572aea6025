using TickKernelExtensions.Columnar.Format;

namespace TickKernelExtensions.Tests.Columnar.Format;

public sealed class ColumnKernelsTests
{
    [Fact]
    public void MinMax_EveryLength_AgreesWithTheScalarPath()
    {
        var random = new Random(7);
        for (var length = 1; length < 200; length++)
        {
            var values = Enumerable.Range(0, length).Select(_ => random.NextInt64(long.MinValue, long.MaxValue)).ToArray();

            ColumnKernels.MinMax(values, out var min, out var max);
            ColumnKernels.MinMaxScalar(values, out var minScalar, out var maxScalar);

            Assert.Equal((values.Min(), values.Max()), (min, max));
            Assert.Equal((minScalar, maxScalar), (min, max));
        }
    }

    [Fact]
    public void ScanNullable_DoublesWithNaN_AgreesWithTheScalarPath()
    {
        var random = new Random(8);
        for (var length = 0; length < 300; length++)
        {
            var values = Enumerable.Range(0, length)
                .Select(_ => random.Next(5) == 0 ? double.NaN : (random.NextDouble() - 0.5) * 1e6)
                .ToArray();

            var nulls = ColumnKernels.ScanNullable<double>(values, out var min, out var max);
            var nullsScalar = ColumnKernels.ScanNullableScalar<double>(values, out var minScalar, out var maxScalar);

            Assert.Equal(values.Count(double.IsNaN), nulls);
            Assert.Equal((nullsScalar, minScalar, maxScalar), (nulls, min, max));
            var present = values.Where(v => !double.IsNaN(v)).ToArray();
            Assert.Equal(present.Length == 0 ? double.PositiveInfinity : present.Min(), min);
            Assert.Equal(present.Length == 0 ? double.NegativeInfinity : present.Max(), max);
        }
    }

    [Fact]
    public void ScanNullable_FloatsWithNaNAndInfinities_AgreesWithTheScalarPath()
    {
        var random = new Random(9);
        float[] specials = [float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0f, -0f, float.Epsilon, float.MaxValue];
        for (var length = 0; length < 300; length++)
        {
            var values = Enumerable.Range(0, length)
                .Select(_ => random.Next(4) == 0 ? specials[random.Next(specials.Length)] : (float)random.NextDouble())
                .ToArray();

            var nulls = ColumnKernels.ScanNullable<float>(values, out var min, out var max);
            var nullsScalar = ColumnKernels.ScanNullableScalar<float>(values, out var minScalar, out var maxScalar);

            // Signed zeros compare equal; the writer's zero rule makes the written bound the same either way.
            Assert.Equal(nullsScalar, nulls);
            Assert.True(min == minScalar, $"length {length}: {min} vs {minScalar}");
            Assert.True(max == maxScalar, $"length {length}: {max} vs {maxScalar}");
        }
    }

    [Fact]
    public void SplitNulls_MixedValues_LevelsMarkPresentValuesPackedInOrder()
    {
        float[] values = [1f, float.NaN, 2f, float.NaN, float.NaN, 3f];
        var levels = new byte[values.Length];
        var present = new float[values.Length];

        var n = ColumnKernels.SplitNulls<float>(values, levels, present);

        Assert.Equal(3, n);
        Assert.Equal([1, 0, 1, 0, 0, 1], levels);
        Assert.Equal([1f, 2f, 3f], present[..n]);
    }
}

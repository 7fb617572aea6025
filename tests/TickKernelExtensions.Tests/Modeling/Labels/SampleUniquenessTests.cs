using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Labels;

namespace TickKernelExtensions.Tests.Modeling.Labels;

public sealed class SampleUniquenessTests
{
    [Fact]
    public void AverageUniqueness_TextbookThreeLabels_FiveSixthsThreeQuartersOne()
    {
        // AFML ch. 4's indicator matrix: six bars 0..5; label 1 spans bars 0–2, label 2 bars 2–3, label 3 bars 4–5.
        // Concurrency per bar: 1, 1, 2, 1, 1, 1. Label 1: (1 + 1 + 1/2) / 3 = 5/6; label 2: (1/2 + 1) / 2 = 3/4; label 3: 1.
        long[] grid = [0, 1, 2, 3, 4, 5];

        var u = SampleUniqueness.AverageUniqueness(grid, [0, 2, 4], [2, 3, 5]);

        Assert.Equal(5.0 / 6, u[0], 15);
        Assert.Equal(0.75, u[1], 15);
        Assert.Equal(1.0, u[2], 15);
    }

    [Fact]
    public void AverageUniqueness_WindowsBetweenGridTimes_CountOnlyGridTimesInside()
    {
        // Grid every 10; windows [5, 25] holds 10, 20; [15, 15] holds none → error; [15, 30] holds 20, 30.
        long[] grid = [0, 10, 20, 30];

        var u = SampleUniqueness.AverageUniqueness(grid, [5, 15], [25, 30]);

        Assert.Equal((1 + 0.5) / 2, u[0], 15);
        Assert.Equal((0.5 + 1) / 2, u[1], 15);
        var e = Assert.Throws<ModelingException>(() => SampleUniqueness.AverageUniqueness(grid, [15], [15]));
        Assert.Equal("t0", e.Field);
    }

    [Fact]
    public void AverageUniqueness_RandomWindows_EqualsTheDirectDefinition()
    {
        var random = new Random(7);
        var grid = Enumerable.Range(0, 200).Select(i => (long)i * 3).ToArray();
        var t0 = new long[300];
        var t1 = new long[300];
        for (var i = 0; i < t0.Length; i++)
        {
            t0[i] = random.Next(0, 590);
            t1[i] = t0[i] + random.Next(3, 60);
        }

        var fast = SampleUniqueness.AverageUniqueness(grid, t0, t1);

        for (var i = 0; i < t0.Length; i++)
        {
            double sum = 0;
            var n = 0;
            foreach (var g in grid.Where(g => g >= t0[i] && g <= t1[i]))
            {
                sum += 1.0 / Enumerable.Range(0, t0.Length).Count(j => t0[j] <= g && g <= t1[j]);
                n++;
            }
            Assert.Equal(sum / n, fast[i], 12);
        }
    }

    [Fact]
    public void AverageUniqueness_T1BeforeT0_ThrowsNamingT1AndRow()
    {
        var e = Assert.Throws<ModelingException>(() => SampleUniqueness.AverageUniqueness([0, 1, 2], [0, 2], [1, 1]));

        Assert.Equal(ModelingErrorKind.InvalidInput, e.Kind);
        Assert.Equal("t1", e.Field);
        Assert.Equal(1, e.Row);
    }

    [Fact]
    public void NormalizeToMeanOne_Weights_AverageOne()
    {
        var w = SampleUniqueness.NormalizeToMeanOne([0.5, 1.0, 1.5]);

        Assert.Equal(new[] { 0.5, 1.0, 1.5 }, w);
        var v = SampleUniqueness.NormalizeToMeanOne([0.25, 0.5]);
        Assert.Equal(2.0 / 3, v[0], 15);
        Assert.Equal(4.0 / 3, v[1], 15);
    }
}

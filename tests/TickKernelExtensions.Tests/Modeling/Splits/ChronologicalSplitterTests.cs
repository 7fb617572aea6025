using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Splits;
using static TickKernelExtensions.Tests.Modeling.Splits.SplitTestSamples;

namespace TickKernelExtensions.Tests.Modeling.Splits;

public sealed class ChronologicalSplitterTests
{
    [Fact]
    public void Split_ChainOfTwenty_PurgesTheLastTrainAndValidationSamples()
    {
        // 20 samples, 60/20/20: the validation boundary is sample 12's t0 (120 min), the test boundary sample 16's (160 min).
        // Train 0–11: sample 11 ends at 125 ≥ 120 → purged. Validation 12–15: sample 15 ends at 165 ≥ 160 → purged.
        var (t0, t1) = Chain(20);

        var split = ChronologicalSplitter.Split(t0, t1, ChronologicalSplitOptions.Default);

        Assert.Equal(Enumerable.Range(0, 11), split.Indices(SplitRole.Train));
        Assert.Equal(new[] { 12, 13, 14 }, split.Indices(SplitRole.Validation));
        Assert.Equal(new[] { 16, 17, 18, 19 }, split.Indices(SplitRole.Test));
        Assert.Equal(new[] { 11, 15 }, split.Indices(SplitRole.Purged));
        Assert.Equal(0, split.CountOf(SplitRole.Embargoed));
        Assert.Empty(SplitCheck.FindLeaks(t0, t1, split));
    }

    [Fact]
    public void Split_FifteenMinuteEmbargo_DropsTheFirstSamplesAfterEachBoundary()
    {
        // Embargo 15 min: validation samples with t0 < 120 + 15 (12 at 120, 13 at 130) and test samples with
        // t0 < 160 + 15 (16 at 160, 17 at 170) are embargoed. Left: train 11, validation 1 (14), test 2 (18, 19).
        var (t0, t1) = Chain(20);

        var split = ChronologicalSplitter.Split(t0, t1, ChronologicalSplitOptions.Default with { Embargo = TimeSpan.FromMinutes(15) });

        Assert.Equal(11, split.CountOf(SplitRole.Train));
        Assert.Equal(new[] { 14 }, split.Indices(SplitRole.Validation));
        Assert.Equal(new[] { 18, 19 }, split.Indices(SplitRole.Test));
        Assert.Equal(new[] { 11, 15 }, split.Indices(SplitRole.Purged));
        Assert.Equal(new[] { 12, 13, 16, 17 }, split.Indices(SplitRole.Embargoed));
    }

    [Fact]
    public void Split_ShuffledInput_SameRolesPerSample()
    {
        var (t0, t1) = Chain(20);
        var permutation = Enumerable.Range(0, 20).Reverse().ToArray();
        var s0 = permutation.Select(i => t0[i]).ToArray();
        var s1 = permutation.Select(i => t1[i]).ToArray();

        var split = ChronologicalSplitter.Split(t0, t1, ChronologicalSplitOptions.Default);
        var shuffled = ChronologicalSplitter.Split(s0, s1, ChronologicalSplitOptions.Default);

        for (var k = 0; k < 20; k++)
        {
            Assert.Equal(split.Roles[permutation[k]], shuffled.Roles[k]);
        }
    }

    [Fact]
    public void Split_TooFewSamples_ThrowsInvalidInput()
    {
        var (t0, t1) = Chain(3);

        var e = Assert.Throws<ModelingException>(() => ChronologicalSplitter.Split(t0, t1, ChronologicalSplitOptions.Default));

        Assert.Equal(ModelingErrorKind.InvalidInput, e.Kind);
        Assert.Equal("3 samples", e.Actual);
    }

    [Fact]
    public void Validate_BadFractionsAndEmbargo_ReportsEveryOne()
    {
        var options = new ChronologicalSplitOptions { TrainFraction = 0.9, ValidationFraction = 0.2, Embargo = TimeSpan.FromMinutes(-1) };

        var e = Assert.Throws<ModelingException>(options.Validate);

        Assert.Equal(ModelingErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("TrainFraction + ValidationFraction must be below 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Embargo must not be negative", e.Message, StringComparison.Ordinal);
    }
}

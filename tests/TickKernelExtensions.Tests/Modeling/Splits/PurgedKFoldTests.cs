using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Splits;
using static TickKernelExtensions.Tests.Modeling.Splits.SplitTestSamples;

namespace TickKernelExtensions.Tests.Modeling.Splits;

public sealed class PurgedKFoldTests
{
    [Fact]
    public void Split_MiddleFoldWithEmbargo_PurgesNeighboursAndEmbargoesTheNextStart()
    {
        // 10 samples, 5 folds of 2. Fold 2 tests samples 4, 5: window [40, 65] min. Sample 3 [30, 45] and sample 6
        // [60, 75] overlap it → purged. Embargo 10 min: sample 7 starts at 70, 5 min after 65 → embargoed; sample 8
        // starts 15 min after → train. Train: 0, 1, 2, 8, 9.
        var (t0, t1) = Chain(10);

        var folds = PurgedKFold.Split(t0, t1, new PurgedKFoldOptions { Folds = 5, Embargo = TimeSpan.FromMinutes(10) });

        var f = folds[2];
        Assert.Equal(2, f.Fold);
        Assert.Equal(new[] { 4, 5 }, f.Indices(SplitRole.Test));
        Assert.Equal(new[] { 3, 6 }, f.Indices(SplitRole.Purged));
        Assert.Equal(new[] { 7 }, f.Indices(SplitRole.Embargoed));
        Assert.Equal(new[] { 0, 1, 2, 8, 9 }, f.Indices(SplitRole.Train));
    }

    [Fact]
    public void Split_EdgeFolds_PurgeOnOneSideOnly()
    {
        // Fold 0 tests 0, 1 ([0, 25]): 2 ([20, 35]) purged, 3 (starts 5 min after 25) embargoed, 4–9 train.
        // Fold 4 tests 8, 9 ([80, 105]): 7 ([70, 85]) purged, nothing after it to embargo, 0–6 train.
        var (t0, t1) = Chain(10);

        var folds = PurgedKFold.Split(t0, t1, new PurgedKFoldOptions { Folds = 5, Embargo = TimeSpan.FromMinutes(10) });

        Assert.Equal("fold 0: train 6, validation 0, test 2, purged 1, embargoed 1", folds[0].ToString());
        Assert.Equal("fold 4: train 7, validation 0, test 2, purged 1, embargoed 0", folds[4].ToString());
    }

    [Fact]
    public void Split_EveryFold_PassesTheOverlapCheckAndTestsEachSampleOnce()
    {
        var random = new Random(11);
        var t0 = Enumerable.Range(0, 97).Select(_ => (long)random.Next(0, 10_000)).ToArray();
        var t1 = t0.Select(t => t + random.Next(0, 400)).ToArray();

        var folds = PurgedKFold.Split(t0, t1, new PurgedKFoldOptions { Folds = 7, Embargo = TimeSpan.FromTicks(500) });

        var tested = new int[t0.Length];
        foreach (var fold in folds)
        {
            Assert.Empty(SplitCheck.FindLeaks(t0, t1, fold));
            foreach (var i in fold.Indices(SplitRole.Test))
            {
                tested[i]++;
            }
        }
        Assert.All(tested, n => Assert.Equal(1, n));
        Assert.Equal(new[] { 14, 14, 14, 14, 14, 14, 13 }, folds.Select(f => f.CountOf(SplitRole.Test)));
    }

    [Fact]
    public void Split_SameInputTwice_IdenticalRoles()
    {
        var (t0, t1) = Chain(10);

        var a = PurgedKFold.Split(t0, t1, PurgedKFoldOptions.Default);
        var b = PurgedKFold.Split(t0, t1, PurgedKFoldOptions.Default);

        for (var f = 0; f < a.Count; f++)
        {
            Assert.True(a[f].Roles.SequenceEqual(b[f].Roles));
        }
    }

    [Fact]
    public void Split_MoreFoldsThanSamples_ThrowsNamingCounts()
    {
        var (t0, t1) = Chain(3);

        var e = Assert.Throws<ModelingException>(() => PurgedKFold.Split(t0, t1, PurgedKFoldOptions.Default));

        Assert.Equal("at least 5 samples", e.Expected);
        Assert.Equal("3 samples", e.Actual);
    }

    [Fact]
    public void Validate_OneFoldNegativeEmbargo_ReportsBoth()
    {
        var e = Assert.Throws<ModelingException>(new PurgedKFoldOptions { Folds = 1, Embargo = TimeSpan.FromSeconds(-1) }.Validate);

        Assert.Contains("Folds must be at least 2, was 1", e.Message, StringComparison.Ordinal);
        Assert.Contains("Embargo must not be negative", e.Message, StringComparison.Ordinal);
    }
}

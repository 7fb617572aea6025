using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Splits;
using static TickKernelExtensions.Tests.Modeling.Splits.SplitTestSamples;

namespace TickKernelExtensions.Tests.Modeling.Splits;

public sealed class SplitCheckTests
{
    [Fact]
    public void FindLeaks_UnpurgedKFold_ReportsBothNeighboursOfTheTestFold()
    {
        // A plain k-fold on the chain: test 4, 5 ([40, 65]) with 3 ([30, 45]) and 6 ([60, 75]) left in train.
        var (t0, t1) = Chain(10);
        var roles = Enumerable.Repeat(SplitRole.Train, 10).ToArray();
        roles[4] = roles[5] = SplitRole.Test;

        var leaks = SplitCheck.FindLeaks(t0, t1, SampleSplit.FromRoles(roles));

        Assert.Equal(new[] { new SplitLeak(3, SplitRole.Train, 4, SplitRole.Test), new SplitLeak(5, SplitRole.Test, 6, SplitRole.Train) }, leaks);
    }

    [Fact]
    public void EnsureNoLeaks_LeakySplit_ThrowsLeakageNamingTheWindows()
    {
        var (t0, t1) = Chain(10);
        var roles = Enumerable.Repeat(SplitRole.Train, 10).ToArray();
        roles[9] = SplitRole.Test;

        var e = Assert.Throws<ModelingException>(() => SplitCheck.EnsureNoLeaks(t0, t1, SampleSplit.FromRoles(roles)));

        Assert.Equal(ModelingErrorKind.Leakage, e.Kind);
        Assert.Equal(8, e.Row);
        Assert.Contains("Train sample 8 [1970-01-01T01:20:00.000000Z, 1970-01-01T01:35:00.000000Z] overlaps Test sample 9", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLeaks_TouchingEndpoints_CountAsOverlap()
    {
        // Windows are closed: [0, 10] and [10, 20] share the instant 10.
        var leaks = SplitCheck.FindLeaks([0, 10], [10, 20], SampleSplit.FromRoles([SplitRole.Train, SplitRole.Test]));

        Assert.Single(leaks);
    }

    [Fact]
    public void FindLeaks_DroppedSamplesOverlapping_AreIgnored()
    {
        var split = SampleSplit.FromRoles([SplitRole.Train, SplitRole.Purged, SplitRole.Embargoed, SplitRole.Test]);

        Assert.Empty(SplitCheck.FindLeaks([0, 5, 15, 30], [10, 40, 40, 40], split));
    }

    [Fact]
    public void FindLeaks_RandomRoles_AgreesWithPairwiseCheck()
    {
        var random = new Random(3);
        for (var round = 0; round < 50; round++)
        {
            var n = random.Next(2, 30);
            var t0 = Enumerable.Range(0, n).Select(_ => (long)random.Next(0, 1000)).ToArray();
            var t1 = t0.Select(t => t + random.Next(0, 60)).ToArray();
            var roles = Enumerable.Range(0, n).Select(_ => (SplitRole)random.Next(0, 5)).ToArray();
            var pairwise = false;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    pairwise |= roles[i] != roles[j] && roles[i] <= SplitRole.Test && roles[j] <= SplitRole.Test && t0[i] <= t1[j] && t0[j] <= t1[i];
                }
            }

            Assert.Equal(pairwise, SplitCheck.FindLeaks(t0, t1, SampleSplit.FromRoles(roles)).Count > 0);
        }
    }
}

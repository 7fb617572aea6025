using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Modeling.Labels.LabelTestTicks;

namespace TickKernelExtensions.Tests.Modeling.Labels;

public sealed class FixedHorizonLabelerTests
{
    private static readonly FixedHorizonOptions Options = new() { Horizon = TimeSpan.FromSeconds(20), DeadZone = 0.0005 };

    [Fact]
    public void Label_HandMadePath_BidAskReturnsAndDeadZone()
    {
        var r = FixedHorizonLabeler.Label(Path(), [At(0), At(20), At(50), At(60)], Options);

        // 0 s → 20 s: long buys at the ask 1.1002, sells at the bid 1.1020: +0.001636 > 0.0005 → +1.
        Assert.Equal((1.1020 / 1.1002) - 1, r.LongReturns[0], 15);
        Assert.Equal(1, r.Labels[0]);
        // 20 s → 40 s: short sells at the bid 1.1020, buys back at the ask 1.0982: 1 − 1.0982/1.1020 = +0.003448 → −1.
        Assert.Equal(1 - (1.0982 / 1.1020), r.ShortReturns[1], 15);
        Assert.Equal(-1, r.Labels[1]);
        // 50 s → 70 s (quote in force: 60 s): long 1.1000/1.1007 − 1 = −0.000636; short 1 − 1.1002/1.1005 = +0.000273,
        // inside the dead zone → 0.
        Assert.Equal(1 - (1.1002 / 1.1005), r.ShortReturns[2], 15);
        Assert.Equal(0, r.Labels[2]);
        // 60 s → 80 s: the quote does not move; both sides lose the spread → 0.
        Assert.True(r.LongReturns[3] < 0 && r.ShortReturns[3] < 0);
        Assert.Equal(0, r.Labels[3]);
        Assert.Equal(At(80), r.T1[3]);
    }

    [Fact]
    public void Label_NoDeadZone_SmallShortGainIsMinusOne()
    {
        var r = FixedHorizonLabeler.Label(Path(), [At(50)], Options with { DeadZone = 0 });

        Assert.Equal(-1, r.Labels[0]);
    }

    [Fact]
    public void Label_HorizonAfterLastTick_ThrowsOutOfRange()
    {
        var e = Assert.Throws<ModelingException>(() => FixedHorizonLabeler.Label(Path(), [At(110)], Options));

        Assert.Equal(ModelingErrorKind.OutOfRange, e.Kind);
        Assert.Equal(0, e.Row);
    }

    [Fact]
    public void Validate_BadHorizonAndDeadZone_ReportsBoth()
    {
        var e = Assert.Throws<ModelingException>(new FixedHorizonOptions { Horizon = TimeSpan.FromSeconds(-1), DeadZone = -0.1 }.Validate);

        Assert.Contains("Horizon", e.Message, StringComparison.Ordinal);
        Assert.Contains("DeadZone must be a non-negative finite return, was -0.1", e.Message, StringComparison.Ordinal);
    }
}

using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Modeling.Labels.LabelTestTicks;

namespace TickKernelExtensions.Tests.Modeling.Labels;

public sealed class TripleBarrierLabelerTests
{
    private static readonly TripleBarrierOptions Price15 = new()
    {
        Scale = BarrierScale.Price,
        ProfitTake = 0.0015,
        StopLoss = 0.0015,
        MaxHolding = TimeSpan.FromSeconds(60),
    };

    private static TripleBarrierLabels One(long t0, TradeSide side, TripleBarrierOptions options, double target = double.NaN) =>
        TripleBarrierLabeler.Label(Path(), [t0], [side], options.Scale == BarrierScale.Price ? [] : [target], options);

    [Fact]
    public void Label_LongReachesProfitAtTheBid_PlusOneAtTheTouchTick()
    {
        // Long at 0 s enters at the ask 1.1002. Exit bids: 10 s 1.1010 (+0.0008), 20 s 1.1020 (+0.0018 ≥ 0.0015): profit take.
        var r = One(At(0), TradeSide.Long, Price15);

        Assert.Equal(1, r.Labels[0]);
        Assert.Equal(BarrierKind.ProfitTake, r.Barriers[0]);
        Assert.Equal(At(0), r.T0[0]);
        Assert.Equal(At(20), r.T1[0]);
        Assert.Equal(1.1002, r.EntryPrices[0]);
        Assert.Equal(1.1020, r.ExitPrices[0]);
        Assert.Equal((1.1020 / 1.1002) - 1, r.Returns[0], 15); // +0.001636
    }

    [Fact]
    public void Label_MidWouldTouchProfitButBidDoesNot_LongIsStoppedInstead()
    {
        // Profit 0.0019: the mid goes 1.1001 → 1.1021 (+0.0020) at 20 s, but the bid only reaches 1.1020 − 1.1002 = +0.0018.
        // The bid then falls: 30 s 1.0990 (−0.0012), 40 s 1.0980 (−0.0022 ≤ −0.0015): stop loss at 40 s.
        var r = One(At(0), TradeSide.Long, Price15 with { ProfitTake = 0.0019 });

        Assert.Equal(-1, r.Labels[0]);
        Assert.Equal(BarrierKind.StopLoss, r.Barriers[0]);
        Assert.Equal(At(40), r.T1[0]);
        Assert.Equal((1.0980 / 1.1002) - 1, r.Returns[0], 15); // −0.002000
    }

    [Fact]
    public void Label_ShortStoppedAtTheAsk_MinusOneWhereTheBidWouldNotStop()
    {
        // Short at 0 s enters at the bid 1.1000 and buys back at the ask. Stop 0.0011: at 10 s the ask is 1.1012
        // (−0.0012 ≤ −0.0011) while the bid 1.1010 has moved only 0.0010: stopped at 10 s at the ask.
        var r = One(At(0), TradeSide.Short, Price15 with { StopLoss = 0.0011 });

        Assert.Equal(-1, r.Labels[0]);
        Assert.Equal(BarrierKind.StopLoss, r.Barriers[0]);
        Assert.Equal(At(10), r.T1[0]);
        Assert.Equal(1.1000, r.EntryPrices[0]);
        Assert.Equal(1.1012, r.ExitPrices[0]);
        Assert.Equal(1 - (1.1012 / 1.1000), r.Returns[0], 15); // −0.001091
    }

    [Fact]
    public void Label_ShortReachesProfitAtTheAsk_PlusOne()
    {
        // Short at 20 s enters at the bid 1.1020. Asks: 30 s 1.0992 (+0.0028 ≥ 0.0015): profit take at 30 s.
        var r = One(At(20), TradeSide.Short, Price15);

        Assert.Equal(1, r.Labels[0]);
        Assert.Equal(BarrierKind.ProfitTake, r.Barriers[0]);
        Assert.Equal(At(30), r.T1[0]);
        Assert.Equal(1 - (1.0992 / 1.1020), r.Returns[0], 15);
    }

    [Fact]
    public void Label_NoTouchBeforeMaxHolding_VerticalExitAtTheQuoteInForce()
    {
        // Long at 50 s enters at the ask 1.1007; the vertical barrier is 110 s. Only the 60 s bid 1.1000 (−0.0007)
        // lies on the path, so no horizontal touch; the exit is the quote in force at 110 s, the 60 s bid.
        var r = One(At(50), TradeSide.Long, Price15);

        Assert.Equal(0, r.Labels[0]);
        Assert.Equal(BarrierKind.Vertical, r.Barriers[0]);
        Assert.Equal(At(110), r.T1[0]);
        Assert.Equal(1.1000, r.ExitPrices[0]);
        Assert.Equal((1.1000 / 1.1007) - 1, r.Returns[0], 15); // −0.000636
    }

    [Fact]
    public void Label_VerticalWithSignOfReturn_TakesTheReturnsSign()
    {
        var r = One(At(50), TradeSide.Long, Price15 with { VerticalLabel = VerticalLabel.SignOfReturn });

        Assert.Equal(-1, r.Labels[0]);
        Assert.Equal(BarrierKind.Vertical, r.Barriers[0]);
    }

    [Fact]
    public void Label_EventBetweenTicks_EntersAtTheQuoteInForce()
    {
        // At 15 s the quote in force is the 10 s tick: a long enters at its ask 1.1012. The 20 s bid 1.1020 is +0.0008,
        // the 30 s bid 1.0990 is −0.0022: stopped at 30 s.
        var r = One(At(15), TradeSide.Long, Price15);

        Assert.Equal(1.1012, r.EntryPrices[0]);
        Assert.Equal(At(30), r.T1[0]);
        Assert.Equal(BarrierKind.StopLoss, r.Barriers[0]);
    }

    [Fact]
    public void Label_VolatilityScale_BarrierIsMultipleOfTargetTimesEntry()
    {
        // Target 0.001, profit 1.5 ×: the barrier is 1.5 × 0.001 × 1.1002 = 0.0016503 in price. The 10 s bid is
        // +0.0008 (below), the 20 s bid +0.0018 (above): profit take at 20 s. With 2 × the barrier is 0.0022004:
        // 20 s is below it and the stop (1 × = 0.0011002) is hit at 30 s (−0.0012).
        var options = Price15 with { Scale = BarrierScale.Volatility, ProfitTake = 1.5, StopLoss = 1 };

        Assert.Equal(At(20), One(At(0), TradeSide.Long, options, 0.001).T1[0]);
        var wide = One(At(0), TradeSide.Long, options with { ProfitTake = 2 }, 0.001);
        Assert.Equal(BarrierKind.StopLoss, wide.Barriers[0]);
        Assert.Equal(At(30), wide.T1[0]);
    }

    [Fact]
    public void Label_InfiniteBarriers_OnlyTheVerticalRemains()
    {
        var r = One(At(0), TradeSide.Long, Price15 with { ProfitTake = double.PositiveInfinity, StopLoss = double.PositiveInfinity });

        Assert.Equal(BarrierKind.Vertical, r.Barriers[0]);
        Assert.Equal(At(60), r.T1[0]);
        Assert.Equal(1.1000, r.ExitPrices[0]);
    }

    [Fact]
    public void Label_EventBeforeFirstTick_ThrowsOutOfRangeNamingTheRow()
    {
        var e = Assert.Throws<ModelingException>(() =>
            TripleBarrierLabeler.Label(Path(), [At(0), At(-1)], [TradeSide.Long, TradeSide.Long], [], Price15));

        Assert.Equal(ModelingErrorKind.OutOfRange, e.Kind);
        Assert.Equal("eventTimes", e.Field);
        Assert.Equal(1, e.Row);
        Assert.Contains("2024-01-01T23:59:59.000000Z", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_VerticalBarrierAfterLastTick_ThrowsOutOfRange()
    {
        // 100 s + 60 s = 160 s, after the last tick at 120 s.
        var e = Assert.Throws<ModelingException>(() => One(At(100), TradeSide.Long, Price15));

        Assert.Equal(ModelingErrorKind.OutOfRange, e.Kind);
        Assert.Contains("after the last tick", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Label_NonPositiveTarget_ThrowsNamingTargetsAndValue()
    {
        var options = Price15 with { Scale = BarrierScale.Volatility, ProfitTake = 1, StopLoss = 1 };

        var e = Assert.Throws<ModelingException>(() => One(At(0), TradeSide.Long, options, 0));

        Assert.Equal(ModelingErrorKind.InvalidInput, e.Kind);
        Assert.Equal("targets", e.Field);
        Assert.Equal("0", e.Actual);
    }

    [Fact]
    public void Label_FlatSide_ThrowsNamingSides()
    {
        var e = Assert.Throws<ModelingException>(() => One(At(0), (TradeSide)0, Price15));

        Assert.Equal("sides", e.Field);
    }

    [Fact]
    public void Label_TargetsMissingForVolatilityScale_ThrowsNamingLengths()
    {
        var e = Assert.Throws<ModelingException>(() =>
            TripleBarrierLabeler.Label(Path(), [At(0)], [TradeSide.Long], [], TripleBarrierOptions.Default));

        Assert.Equal("targets", e.Field);
        Assert.Equal("1 values", e.Expected);
        Assert.Equal("0 values", e.Actual);
    }

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOneInOneMessage()
    {
        var options = new TripleBarrierOptions { ProfitTake = 0, StopLoss = double.NaN, MaxHolding = TimeSpan.Zero, Scale = (BarrierScale)9 };

        var e = Assert.Throws<ModelingException>(options.Validate);

        Assert.Equal(ModelingErrorKind.InvalidOptions, e.Kind);
        foreach (var part in new[] { "ProfitTake must be positive (infinity disables it), was 0", "StopLoss must be positive (infinity disables it), was NaN", "MaxHolding", "Scale has an unknown value 9" })
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_Defaults_Pass() => TripleBarrierOptions.Default.Validate();
}

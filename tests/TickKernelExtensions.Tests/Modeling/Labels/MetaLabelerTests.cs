using TickKernelExtensions.Modeling.Labels;
using static TickKernelExtensions.Tests.Modeling.Labels.LabelTestTicks;

namespace TickKernelExtensions.Tests.Modeling.Labels;

public sealed class MetaLabelerTests
{
    [Fact]
    public void Label_PrimarySides_OneWhenTheSideWouldHavePaid()
    {
        var options = new TripleBarrierOptions { Scale = BarrierScale.Price, ProfitTake = 0.0015, StopLoss = 0.0015, MaxHolding = TimeSpan.FromSeconds(30) };

        var (outcomes, meta) = MetaLabeler.Label(Path(), [At(0), At(0), At(30), At(50)],
            [TradeSide.Long, TradeSide.Short, TradeSide.Long, TradeSide.Long], [], options);

        // 0 s long: bid 1.1020 at 20 s is +0.0018 over the ask 1.1002 → profit → 1.
        // 0 s short: ask 1.1022 at 20 s is −0.0022 against the bid 1.1000 → stop → 0.
        // 30 s long (ask 1.0992): bids −0.0012, +0.0013, +0.0008: no touch; vertical at 60 s exits at 1.1000, +0.000728 → 1
        //   although its triple-barrier label is 0.
        // 50 s long (ask 1.1007): vertical at 80 s exits at the 60 s bid 1.1000, −0.000636 → 0.
        Assert.Equal(new sbyte[] { 1, -1, 0, 0 }, outcomes.Labels.ToArray());
        Assert.Equal(new byte[] { 1, 0, 1, 0 }, meta);
    }

    [Fact]
    public void FromOutcomes_MinReturnAboveSmallGain_Zero()
    {
        var options = new TripleBarrierOptions { Scale = BarrierScale.Price, ProfitTake = 0.0015, StopLoss = 0.0015, MaxHolding = TimeSpan.FromSeconds(30) };
        var outcomes = TripleBarrierLabeler.Label(Path(), [At(30)], [TradeSide.Long], [], options);

        Assert.Equal(new byte[] { 0 }, MetaLabeler.FromOutcomes(outcomes, minReturn: 0.001));
    }
}

using System.Text.Json.Nodes;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Tests.Display;

public sealed class KeyFiguresTests
{
    [Fact]
    public void ToJson_NaNOrInfiniteFigure_IsNull_AndTheRestStaysNumbers()
    {
        // JSON has no NaN: a Sharpe ratio of a single period is NaN and must not break the bundle run-all reads.
        var json = KeyFigures.Of("05 · backtest", ("sharpe", double.NaN), ("ratio", double.PositiveInfinity), ("trades", 3), ("return", -0.0389)).ToJson();

        var figures = JsonNode.Parse(json)!["figures"]!.AsObject();
        Assert.Null(figures["sharpe"]);
        Assert.True(figures.ContainsKey("sharpe"));
        Assert.Null(figures["ratio"]);
        Assert.Equal(3, (double)figures["trades"]!);
        Assert.Equal(-0.0389, (double)figures["return"]!);
    }
}

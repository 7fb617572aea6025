using TickKernelExtensions.Market;

namespace TickKernelExtensions.Tests.Market;

public sealed class TickValidatorTests
{
    private static readonly Instrument EurUsd = InstrumentCatalog.Default.Get("EURUSD");
    private const long T0 = 1_700_000_000_000_000;

    [Theory]
    [InlineData(double.NaN, 1.1, TickIssue.NonFinitePrice, "bid")]
    [InlineData(1.1, double.PositiveInfinity, TickIssue.NonFinitePrice, "ask")]
    [InlineData(-1.1, 1.1, TickIssue.NonPositivePrice, "bid")]
    [InlineData(0.0, 1.1, TickIssue.NonPositivePrice, "bid")]
    [InlineData(11.0, 11.0001, TickIssue.ImplausiblePrice, "bid")]
    [InlineData(1.1001, 1.1, TickIssue.CrossedQuote, "ask")]
    public void Check_BadPrice_NamesIssueAndField(double bid, double ask, TickIssue issue, string field)
    {
        var v = new TickValidator(EurUsd).Check(T0, bid, ask, 1, 1);

        Assert.NotNull(v);
        Assert.Equal(issue, v.Value.Issue);
        Assert.Equal(field, v.Value.Field);
    }

    [Fact]
    public void Check_ImplausiblePrice_ExpectedMentionsRangeAndFactor()
    {
        var v = new TickValidator(EurUsd).Check(T0, 11.4545, 11.4546, 1, 1)!.Value;

        Assert.Contains("0.5", v.Expected, StringComparison.Ordinal);
        Assert.Contains("100000", v.Expected, StringComparison.Ordinal);
        Assert.Equal("11.4545", v.Actual);
    }

    [Fact]
    public void Check_OutOfOrder_Rejected()
    {
        var validator = new TickValidator(EurUsd);
        Assert.Null(validator.Check(T0 + 10, 1.1, 1.1001, 1, 1));

        var v = validator.Check(T0, 1.1, 1.1001, 1, 1);

        Assert.Equal(TickIssue.OutOfOrder, v!.Value.Issue);
        Assert.Contains("2023-11-14T22:13:20.000010Z", v.Value.Expected, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameMillisecondDifferentPrice_Accepted()
    {
        var validator = new TickValidator(EurUsd);
        Assert.Null(validator.Check(T0, 1.1, 1.1001, 1, 1));

        Assert.Null(validator.Check(T0, 1.1, 1.1002, 1, 1));
    }

    [Fact]
    public void Check_ExactDuplicate_RejectedWhenStrictKeptWhenAsReceived()
    {
        var strict = new TickValidator(EurUsd);
        strict.Check(T0, 1.1, 1.1001, 1, 2);
        Assert.Equal(TickIssue.DuplicateTick, strict.Check(T0, 1.1, 1.1001, 1, 2)!.Value.Issue);

        var lenient = new TickValidator(EurUsd, TickValidationOptions.AsReceived);
        lenient.Check(T0, 1.1, 1.1001, 1, 2);
        Assert.Null(lenient.Check(T0, 1.1, 1.1001, 1, 2));
        Assert.Equal(1, lenient.DuplicatesKept);
    }

    [Fact]
    public void Check_CrossedUnderAsReceived_KeptAndCounted()
    {
        var validator = new TickValidator(EurUsd, TickValidationOptions.AsReceived);

        Assert.Null(validator.Check(T0, 1.1002, 1.1001, 1, 1));
        Assert.Equal(1, validator.CrossedKept);
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.PositiveInfinity)]
    public void Check_BadVolume_Rejected(float volume) =>
        Assert.Equal(TickIssue.InvalidVolume, new TickValidator(EurUsd).Check(T0, 1.1, 1.1001, volume, 1)!.Value.Issue);

    [Fact]
    public void Check_MissingVolume_Accepted() =>
        Assert.Null(new TickValidator(EurUsd).Check(T0, 1.1, 1.1001, float.NaN, float.NaN));

    [Fact]
    public void ToException_CarriesFileLineFieldExpectedActual()
    {
        var v = new TickValidator(EurUsd).Check(T0, 1.1002, 1.1001, 1, 1)!.Value;

        var e = v.ToException("ticks.csv", 42);

        Assert.Equal(MarketDataErrorKind.InvalidTick, e.Kind);
        Assert.StartsWith("ticks.csv:42: ask is below bid", e.Message, StringComparison.Ordinal);
        Assert.Contains("field 'ask'", e.Message, StringComparison.Ordinal);
        Assert.Contains("expected >= bid 1.1002", e.Message, StringComparison.Ordinal);
        Assert.Contains("actual '1.1001'", e.Message, StringComparison.Ordinal);
    }
}

using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Tests.Tracking;

public sealed class TrackingKeysTests
{
    [Theory]
    [InlineData("alpha")]
    [InlineData("train/loss")]
    [InlineData("mlflow.source.git.commit")]
    [InlineData("a b-c_d.e")]
    public void ValidateKey_MlflowName_Accepted(string key) => TrackingKeys.ValidateKey("metric", key);

    [Theory]
    [InlineData("", "empty")]
    [InlineData("a*b", "may only contain")]
    [InlineData("sharpe:1", "may only contain")]
    [InlineData("../x", "must not resolve")]
    [InlineData("a/./b", "must not resolve")]
    [InlineData("/x", "must not resolve")]
    [InlineData("x/", "must not resolve")]
    [InlineData("a//b", "must not resolve")]
    public void ValidateKey_BadName_InvalidKeyNamingTheRule(string key, string expected)
    {
        var e = Assert.Throws<TrackingException>(() => TrackingKeys.ValidateKey("metric", key));

        Assert.Equal(TrackingErrorKind.InvalidKey, e.Kind);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_LimitsAsMlflow()
    {
        TrackingKeys.ValidateKey("param", new string('k', 250));
        TrackingKeys.ValidateParam(new Param("p", new string('v', 6000)));
        TrackingKeys.ValidateTag(new RunTag("t", new string('v', 8000)));

        Assert.Contains("at most 250", Assert.Throws<TrackingException>(() => TrackingKeys.ValidateKey("param", new string('k', 251))).Message, StringComparison.Ordinal);
        Assert.Contains("at most 6000", Assert.Throws<TrackingException>(() => TrackingKeys.ValidateParam(new Param("p", new string('v', 6001)))).Message, StringComparison.Ordinal);
        Assert.Contains("at most 8000", Assert.Throws<TrackingException>(() => TrackingKeys.ValidateTag(new RunTag("t", new string('v', 8001)))).Message, StringComparison.Ordinal);
        Assert.Throws<TrackingException>(() => TrackingKeys.ValidateExperimentName(new string('e', 501)));
    }

    [Theory]
    [InlineData("latest")]
    [InlineData("v3")]
    [InlineData("a/b")]
    public void ValidateAlias_Reserved_Refused(string alias) =>
        Assert.Equal(TrackingErrorKind.InvalidKey, Assert.Throws<TrackingException>(() => TrackingKeys.ValidateAlias(alias)).Kind);

    [Theory]
    [InlineData("a/b")]
    [InlineData("..")]
    [InlineData("")]
    public void ValidateModelName_NotOneFolder_Refused(string name) =>
        Assert.Equal(TrackingErrorKind.InvalidKey, Assert.Throws<TrackingException>(() => TrackingKeys.ValidateModelName(name)).Kind);
}

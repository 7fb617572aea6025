using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Tests.Processing.Features;

public sealed class FeatureSetDefinitionTests
{
    private static readonly FeatureSetDefinition Pinned = new("gold-test", 3,
    [
        FeatureSpec.LogReturn(5),
        FeatureSpec.FracDiff(0.35, 1e-5, 500),
        FeatureSpec.Session("America/New_York", new TimeOnly(17, 0)),
        FeatureSpec.TimeOfDay(),
    ], "1.2.3+abc");

    [Fact]
    public void ToJson_PinnedDefinition_IsCanonical()
    {
        Assert.Equal(
            """{"name":"gold-test","version":3,"code_version":"1.2.3+abc","features":[{"kind":"log_return","parameters":{"horizon":"5"}},{"kind":"ffd","parameters":{"d":"0.35","max_width":"500","threshold":"1E-05"}},{"kind":"session","parameters":{"open":"17:00","time_zone":"America/New_York"}},{"kind":"time_of_day","parameters":{}}]}""",
            Pinned.ToJson());
    }

    [Fact]
    public void FromJson_ToJson_RoundTripsToAnEqualDefinitionAndHash()
    {
        var parsed = FeatureSetDefinition.FromJson(Pinned.ToJson());

        Assert.Equal(Pinned, parsed);
        Assert.Equal(Pinned.ToJson(), parsed.ToJson());
        Assert.Equal(Pinned.ContentHash, parsed.ContentHash);
        Assert.Equal(FeatureSetDefinition.GoldCore, FeatureSetDefinition.FromJson(FeatureSetDefinition.GoldCore.ToJson()));
    }

    [Fact]
    public void FromJson_ReorderedAndIndented_GivesTheSameHash()
    {
        const string json = """
            {
              "features": [
                { "parameters": { "horizon": "5" }, "kind": "log_return" },
                { "kind": "ffd", "parameters": { "threshold": "1E-05", "max_width": "500", "d": "0.35" } },
                { "kind": "session", "parameters": { "time_zone": "America/New_York", "open": "17:00" } },
                { "kind": "time_of_day" }
              ],
              "code_version": "1.2.3+abc",
              "version": 3,
              "name": "gold-test"
            }
            """;

        Assert.Equal(Pinned.ContentHash, FeatureSetDefinition.FromJson(json).ContentHash);
    }

    [Fact]
    public void ContentHash_PinnedDefinition_IsStable()
    {
        Assert.Equal(64, Pinned.ContentHash.Length);
        Assert.Equal(Pinned.ContentHash, new FeatureSetDefinition(Pinned.Name, Pinned.Version, Pinned.Features, Pinned.CodeVersion).ContentHash);
        Assert.Equal(PinnedHash, Pinned.ContentHash);
        Assert.NotEqual(Pinned.ContentHash, new FeatureSetDefinition(Pinned.Name, 4, Pinned.Features, Pinned.CodeVersion).ContentHash);
        Assert.NotEqual(Pinned.ContentHash, new FeatureSetDefinition(Pinned.Name, 3, Pinned.Features, "1.2.4").ContentHash);
    }

    [Fact]
    public void CurrentCodeVersion_IsTheLibraryInformationalVersion()
    {
        Assert.False(string.IsNullOrWhiteSpace(FeatureSetDefinition.CurrentCodeVersion));
        Assert.Equal(FeatureSetDefinition.CurrentCodeVersion, FeatureSetDefinition.GoldCore.CodeVersion);
    }

    [Fact]
    public void Calculator_BadSpecs_ReportsEveryProblemAtOnce()
    {
        var bad = new FeatureSetDefinition("bad", 1,
        [
            new FeatureSpec("log_return", [new("horizon", "0")]),
            new FeatureSpec("ffd", [new("d", "0.40"), new("threshold", "1E-04"), new("max_width", "10")]),
            new FeatureSpec("session", [new("time_zone", "Mars/Olympus"), new("open", "5pm")]),
            new FeatureSpec("moon_phase"),
            FeatureSpec.LogReturn(1),
            FeatureSpec.LogReturn(1),
        ], "test");

        var e = Assert.Throws<MarketDataException>(() => new FeatureSetCalculator(bad));
        Assert.Equal(MarketDataErrorKind.InvalidOptions, e.Kind);
        foreach (var expected in new[] { "horizon", "canonical", "Mars/Olympus", "'open'", "moon_phase", "log_return_1" })
        {
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void FromJson_MissingName_ThrowsFormatException()
    {
        Assert.Throws<FormatException>(() => FeatureSetDefinition.FromJson("""{"version":1,"code_version":"x","features":[]}"""));
        Assert.Throws<FormatException>(() => FeatureSetDefinition.FromJson("{"));
    }

    /// <summary>sha256 of the canonical JSON above, computed independently with Python's hashlib.</summary>
    private const string PinnedHash = "80c2f116c90f84e8962b05cb9be27a4760ab828756b19e693400afc5282044cc";
}

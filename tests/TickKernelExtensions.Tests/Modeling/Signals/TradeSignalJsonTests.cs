using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Signals;

namespace TickKernelExtensions.Tests.Modeling.Signals;

public sealed class TradeSignalJsonTests
{
    private static readonly DateTime Issued = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_560);

    private static TradeSignal Sample() => new()
    {
        Symbol = "EURUSD",
        Time = Issued,
        Action = SignalAction.Buy,
        Confidence = 0.75,
        Reason = "meta-label",
        ModelName = "eurusd-meta",
        ModelVersion = "3",
        Expiry = Issued.AddMinutes(1),
    };

    private const string SampleJson =
        "{\"symbol\":\"EURUSD\",\"time\":\"2024-01-02T03:04:05.123456Z\",\"action\":\"buy\",\"confidence\":0.75,\"anomalyScore\":null," +
        "\"reason\":\"meta-label\",\"modelName\":\"eurusd-meta\",\"modelVersion\":\"3\",\"expiry\":\"2024-01-02T03:05:05.123456Z\"}";

    [Fact]
    public void Serialize_Sample_ExactStableString() => Assert.Equal(SampleJson, TradeSignalJson.Serialize(Sample()));

    [Fact]
    public void Deserialize_SampleString_EqualsTheRecord() => Assert.Equal(Sample(), TradeSignalJson.Deserialize(SampleJson));

    [Fact]
    public void Serialize_ThenDeserialize_RoundTripsEveryField()
    {
        var signal = Sample() with { Action = SignalAction.Sell, Confidence = 0.1, AnomalyScore = 3.0000000000000004, Reason = "spread \"gate\" <é>" };

        var json = TradeSignalJson.Serialize(signal);

        Assert.Equal(signal, TradeSignalJson.Deserialize(json));
        Assert.Contains("\"anomalyScore\":3.0000000000000004", json, StringComparison.Ordinal);
        Assert.Contains("\"action\":\"sell\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_UnknownExtraField_Ignored()
    {
        var json = SampleJson.Replace("\"symbol\"", "\"futureField\":[1,2],\"symbol\"", StringComparison.Ordinal);

        Assert.Equal(Sample(), TradeSignalJson.Deserialize(json));
    }

    [Fact]
    public void Deserialize_MissingField_ThrowsMalformedNamingIt()
    {
        var json = SampleJson.Replace("\"modelVersion\":\"3\",", "", StringComparison.Ordinal);

        var e = Assert.Throws<ModelingException>(() => TradeSignalJson.Deserialize(json));

        Assert.Equal(ModelingErrorKind.MalformedJson, e.Kind);
        Assert.Equal("modelVersion", e.Field);
        Assert.Equal("missing", e.Actual);
    }

    [Fact]
    public void Deserialize_UnknownAction_ThrowsNamingExpectedAndActual()
    {
        var e = Assert.Throws<ModelingException>(() => TradeSignalJson.Deserialize(SampleJson.Replace("\"buy\"", "\"hold\"", StringComparison.Ordinal)));

        Assert.Equal("action", e.Field);
        Assert.Equal("\"hold\"", e.Actual);
    }

    [Fact]
    public void Deserialize_TimeWithoutMicroseconds_ThrowsMalformed()
    {
        var e = Assert.Throws<ModelingException>(() =>
            TradeSignalJson.Deserialize(SampleJson.Replace("2024-01-02T03:04:05.123456Z", "2024-01-02T03:04:05Z", StringComparison.Ordinal)));

        Assert.Equal("time", e.Field);
    }

    [Fact]
    public void Deserialize_NotJson_ThrowsMalformed() =>
        Assert.Equal(ModelingErrorKind.MalformedJson, Assert.Throws<ModelingException>(() => TradeSignalJson.Deserialize("{oops")).Kind);

    [Fact]
    public void Validate_SeveralBadFields_ReportsEveryOneInOneMessage()
    {
        var signal = Sample() with
        {
            Symbol = "",
            Confidence = 1.5,
            AnomalyScore = double.PositiveInfinity,
            ModelName = " ",
            Expiry = Issued.AddTicks(-10),
            Time = DateTime.SpecifyKind(Issued, DateTimeKind.Unspecified),
        };

        var e = Assert.Throws<ModelingException>(signal.Validate);

        foreach (var part in new[] { "Symbol must not be empty", "Confidence must be in [0, 1], was 1.5", "AnomalyScore must be finite or NaN",
                     "ModelName must not be empty", "Expiry must be after Time", "Time must be a UTC time (Kind Utc), was Kind Unspecified" })
        {
            Assert.Contains(part, e.Message, StringComparison.Ordinal);
        }
        Assert.Throws<ModelingException>(() => TradeSignalJson.Serialize(signal));
    }

    [Fact]
    public void Validate_SubMicrosecondTime_Rejected()
    {
        var e = Assert.Throws<ModelingException>((Sample() with { Time = Issued.AddTicks(1) }).Validate);

        Assert.Contains("Time must hold whole microseconds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeMicros_Sample_EpochMicroseconds()
    {
        // 2024-01-02T03:04:05.123456Z = 1,704,164,645 s and 123,456 µs after the epoch.
        Assert.Equal(1_704_164_645_123_456, Sample().TimeMicros);
        Assert.Equal(1_704_164_705_123_456, Sample().ExpiryMicros);
    }

    [Fact]
    public void IsLiveAt_BeforeDuringAndAtExpiry_OnlyDuring()
    {
        var s = Sample();

        Assert.False(s.IsLiveAt(Issued.AddTicks(-10)));
        Assert.True(s.IsLiveAt(Issued.AddSeconds(30)));
        Assert.False(s.IsLiveAt(s.Expiry));
    }
}

using TickKernelExtensions.Backtesting.Statistics;

namespace TickKernelExtensions.Tests.Backtesting.Statistics;

public sealed class ProvenanceHashTests
{
    private sealed record Config(string Symbol, double Spread, TimeSpan Latency, DayOfWeek Day, int[] Sizes);

    private sealed record Reordered(int[] Sizes, DayOfWeek Day, TimeSpan Latency, double Spread, string Symbol);

    [Fact]
    public void CanonicalJson_Record_SortsMembersAndWritesEnumsByName()
    {
        var json = ProvenanceHash.CanonicalJson(new Config("EURUSD", 0.5, TimeSpan.FromMilliseconds(20), DayOfWeek.Monday, [1, 2]));

        Assert.Equal("{\"Day\":\"Monday\",\"Latency\":\"00:00:00.0200000\",\"Sizes\":[1,2],\"Spread\":0.5,\"Symbol\":\"EURUSD\"}", json);
    }

    [Fact]
    public void OfConfiguration_SameValuesInAnotherPropertyOrder_GivesTheSameHash()
    {
        var a = ProvenanceHash.OfConfiguration(new Config("EURUSD", 0.1 + 0.2, TimeSpan.FromSeconds(1), DayOfWeek.Friday, [3]));
        var b = ProvenanceHash.OfConfiguration(new Reordered([3], DayOfWeek.Friday, TimeSpan.FromSeconds(1), 0.1 + 0.2, "EURUSD"));
        var c = ProvenanceHash.OfConfiguration(new Config("EURUSD", 0.3, TimeSpan.FromSeconds(1), DayOfWeek.Friday, [3]));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Fact]
    public void OfConfiguration_StatisticsOptionsWithNaNFreeDefaults_IsStable()
    {
        Assert.Equal(ProvenanceHash.OfConfiguration(StatisticsOptions.Default), ProvenanceHash.OfConfiguration(new StatisticsOptions()));
        Assert.NotEqual(ProvenanceHash.OfConfiguration(StatisticsOptions.Default),
            ProvenanceHash.OfConfiguration(StatisticsOptions.Default with { PeriodsPerYear = 252 }));
    }

    [Fact]
    public void Sha256_Abc_IsTheFips180Vector() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ProvenanceHash.Sha256("abc"));
}

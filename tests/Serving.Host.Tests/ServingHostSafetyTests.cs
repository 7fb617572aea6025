using System.Text;

namespace Serving.Host.Tests;

/// <summary>Keys, validation, limits and readiness, on real Kestrel on loopback.</summary>
public sealed class ServingHostSafetyTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    private const string Tick = "{\"symbol\":\"EURUSD\",\"time\":\"2026-11-30T10:00:00.5Z\",\"bid\":1.1,\"ask\":1.1001}";

    [Fact]
    public async Task KeyedEndpoints_MissingOrWrongKey_Return401Problem()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        using var anonymous = new HttpClient { BaseAddress = client.Http.BaseAddress };
        using var wrong = new HttpClient { BaseAddress = client.Http.BaseAddress };
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "test-key-2");
        var ct = TestContext.Current.CancellationToken;

        foreach (var http in new[] { anonymous, wrong })
        {
            await HostClient.AssertProblemAsync(await http.PostAsync("/v1/ticks", HostClient.Json(Tick), ct), 401);
            await HostClient.AssertProblemAsync(await http.PostAsync("/v1/ticks/batch", HostClient.Json($"[{Tick}]"), ct), 401);
            await HostClient.AssertProblemAsync(await http.GetAsync("/v1/model", ct), 401);
            await HostClient.AssertProblemAsync(await http.PostAsync("/v1/model/reload", HostClient.Json("{}"), ct), 401);
            await HostClient.AssertProblemAsync(await http.GetAsync("/v1/signals/stream", ct), 401);
        }
        // Health and metrics stay open.
        Assert.True((await anonymous.GetAsync("/health/live", ct)).IsSuccessStatusCode);
        Assert.True((await anonymous.GetAsync("/health/ready", ct)).IsSuccessStatusCode);
        Assert.True((await anonymous.GetAsync("/metrics", ct)).IsSuccessStatusCode);
        Assert.True((await client.PostAsync("/v1/ticks", Tick)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task PostTick_MalformedJsonUnknownSymbolBadPriceOrOutOfOrder_Returns400ProblemNamingTheField()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });

        var malformed = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", "{\"symbol\":\"EURUSD\","), 400, "$");
        var missing = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", "{\"symbol\":\"EURUSD\",\"bid\":1.1,\"ask\":1.2}"), 400, "$.time");
        var unknown = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("EURUSD", "EURXYZ", StringComparison.Ordinal)), 400, "$.symbol");
        var nan = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("1.1,", "-1.1,", StringComparison.Ordinal)), 400, "$.bid");
        var batch = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks/batch", $"[{Tick},{{\"symbol\":\"EURUSD\",\"time\":1,\"bid\":1.1,\"ask\":\"x\"}}]"), 400, "$[1].ask");
        Assert.True((await client.PostAsync("/v1/ticks", Tick)).IsSuccessStatusCode);
        var late = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("00.5Z", "00.4Z", StringComparison.Ordinal)), 400, "$.time");

        Assert.Equal("malformed at line 1, byte 19", malformed.GetProperty("actual").GetString());
        Assert.Equal("missing", missing.GetProperty("actual").GetString());
        Assert.Equal("\"EURXYZ\"", unknown.GetProperty("actual").GetString());
        Assert.Equal("-1.1", nan.GetProperty("actual").GetString());
        Assert.Equal("\"x\"", batch.GetProperty("actual").GetString());
        Assert.Equal("2026-11-30T10:00:00.4000000Z", late.GetProperty("actual").GetString());
        Assert.Contains("2026-11-30T10:00:00.5000000Z", late.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostTick_BodyOverTheLimit_Returns413Problem()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1"), MaxRequestBodyBytes = 4096 });
        var big = "[" + string.Join(",", Enumerable.Repeat(Tick, 200)) + "]";
        Assert.True(Encoding.UTF8.GetByteCount(big) > 4096);

        await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks/batch", big), 413);
        Assert.True((await client.PostAsync("/v1/ticks", Tick)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task KeyedEndpoints_OverTheRateLimit_Return429Problem()
    {
        // A one-hour window: the fourth request is over the limit however slow the machine is.
        await using var client = await HostClient.StartAsync(new ServingHostOptions
        {
            BundleFolder = bundles.Bundle("1"), RateLimitPermits = 3, RateLimitWindow = TimeSpan.FromHours(1),
        });
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await client.Http.GetAsync("/v1/model", ct)).IsSuccessStatusCode);
        }

        await HostClient.AssertProblemAsync(await client.Http.GetAsync("/v1/model", ct), 429);
        Assert.True((await client.Http.GetAsync("/health/ready", ct)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task Readiness_WithoutAModel_Is503UntilAReloadLoadsOne()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions());
        var ct = TestContext.Current.CancellationToken;

        Assert.True((await client.Http.GetAsync("/health/live", ct)).IsSuccessStatusCode);
        await HostClient.AssertProblemAsync(await client.Http.GetAsync("/health/ready", ct), 503);
        await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick), 503);
        await HostClient.AssertProblemAsync(await client.Http.GetAsync("/v1/model", ct), 503);
        var reload = await client.PostAsync("/v1/model/reload", $"{{\"folder\":{System.Text.Json.JsonSerializer.Serialize(bundles.Bundle("1"))}}}");

        Assert.True(reload.IsSuccessStatusCode, await reload.Content.ReadAsStringAsync(ct));
        Assert.True((await client.Http.GetAsync("/health/ready", ct)).IsSuccessStatusCode);
        Assert.True((await client.PostAsync("/v1/ticks", Tick)).IsSuccessStatusCode);
    }
}

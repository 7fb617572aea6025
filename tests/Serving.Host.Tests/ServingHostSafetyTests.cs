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
    public async Task PostTick_CrossedNonFiniteOrJumpingPrice_Returns400ProblemNamingFieldExpectedAndActual()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });

        var crossed = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("1.1001", "1.0999", StringComparison.Ordinal)), 400, "$.ask");
        var infinite = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("1.1001", "1e400", StringComparison.Ordinal)), 400, "$.ask");
        var zero = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Tick.Replace("1.1,", "0,", StringComparison.Ordinal)), 400, "$.bid");
        Assert.True((await client.PostAsync("/v1/ticks", Tick)).IsSuccessStatusCode);
        var up = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Next(1, 1.3, 1.3001)), 400, "$.bid");
        var down = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Next(2, 0.95, 0.9501)), 400, "$.bid");
        var ask = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", Next(3, 1.1, 1.25)), 400, "$.ask");
        Assert.True((await client.PostAsync("/v1/ticks", Next(4, 1.15, 1.1501))).IsSuccessStatusCode);

        Assert.Equal(("at or above the bid (1.1)", "1.0999"), (crossed.GetProperty("expected").GetString(), crossed.GetProperty("actual").GetString()));
        Assert.Equal("1e400", infinite.GetProperty("actual").GetString());
        Assert.Equal("0", zero.GetProperty("actual").GetString());
        Assert.Equal("1.3", up.GetProperty("actual").GetString());
        Assert.Equal("within ±10 % of EURUSD's last accepted bid 1.1 (0.99 … 1.21)", up.GetProperty("expected").GetString());
        Assert.Contains("+18.18 %", up.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("0.95", down.GetProperty("actual").GetString());
        Assert.Equal("1.25", ask.GetProperty("actual").GetString());
        Assert.Contains("last accepted ask 1.1001", ask.GetProperty("expected").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostBatch_JumpInTheMiddle_Returns400WithTheAcceptedCount_AndInfiniteLimitTurnsTheCheckOff()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        await using var open = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1"), MaxPriceJump = double.PositiveInfinity });
        var batch = $"[{Tick},{Next(1, 1.1002, 1.1003)},{Next(2, 2.2, 2.2001)},{Next(3, 1.1004, 1.1005)}]";

        var jump = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks/batch", batch), 400, "$[2].bid");

        Assert.Equal(2, jump.GetProperty("accepted").GetInt32());
        Assert.True((await client.PostAsync("/v1/ticks", Next(3, 1.1004, 1.1005))).IsSuccessStatusCode);
        Assert.True((await open.PostAsync("/v1/ticks/batch", batch)).IsSuccessStatusCode);
    }

    [Fact]
    public void Options_MaxPriceJumpNotPositive_ValidationNamesIt()
    {
        var e = Assert.Throws<ArgumentException>(() => new ServingHostOptions { ApiKeys = [HostClient.Key], MaxPriceJump = 0 }.Validate());
        Assert.Contains("MaxPriceJump must be positive (+∞ for no check), was 0", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ServingHostOptions { ApiKeys = [HostClient.Key], MaxPriceJump = double.NaN }.Validate());
    }

    // The same EURUSD tick, `seconds` later, with other prices.
    private static string Next(int seconds, double bid, double ask) => System.FormattableString.Invariant(
        $"{{\"symbol\":\"EURUSD\",\"time\":\"2026-11-30T10:00:{seconds:00}.6Z\",\"bid\":{bid:R},\"ask\":{ask:R}}}");

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
    public async Task RateLimit_IsPerKey_AndRequestsWithoutAValidKeyShareOnePartition()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions
        {
            BundleFolder = bundles.Bundle("1"), ApiKeys = [HostClient.Key, "second-key"], RateLimitPermits = 2, RateLimitWindow = TimeSpan.FromHours(1),
        });
        var ct = TestContext.Current.CancellationToken;
        async Task<int> Get(string? key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/model");
            request.Headers.Remove("X-Api-Key");
            if (key is not null)
            {
                request.Headers.Add("X-Api-Key", key);
            }
            using var plain = new HttpClient { BaseAddress = client.Http.BaseAddress };
            return (int)(await plain.SendAsync(request, ct)).StatusCode;
        }

        var first = new List<int> { await Get(HostClient.Key), await Get(HostClient.Key), await Get(HostClient.Key) };
        // The other key has its own window.
        var second = new List<int> { await Get("second-key"), await Get("second-key"), await Get("second-key") };
        // Wrong and missing keys: refused (401) while their shared window lasts, then limited; the keys are unaffected.
        var wrong = new List<int> { await Get("wrong-1"), await Get(null), await Get("wrong-2") };

        Assert.Equal([200, 200, 429], first);
        Assert.Equal([200, 200, 429], second);
        Assert.Equal([401, 401, 429], wrong);
    }

    [Fact]
    public void KeyRing_MatchesEachKeyByIndex_AndNothingElse()
    {
        var ring = new ApiKeyRing(["alpha", "beta", "gamma"]);
        Assert.Equal([0, 1, 2], new[] { "alpha", "beta", "gamma" }.Select(ring.Match));
        Assert.All(new[] { null, "", "alph", "alphaa", "ALPHA", "beta " }, k => Assert.Equal(-1, ring.Match(k)));
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

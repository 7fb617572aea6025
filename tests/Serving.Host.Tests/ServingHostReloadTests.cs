using System.Text.Json;

namespace Serving.Host.Tests;

/// <summary>Hot reload: atomic swaps under load, with no failed request; a bundle that does not verify changes nothing.</summary>
public sealed class ServingHostReloadTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    private static string ReloadBody(string folder) => $"{{\"folder\":{JsonSerializer.Serialize(folder)}}}";

    [Fact]
    public async Task Reload_TwiceUnderContinuousLoad_NoRequestFails()
    {
        var (v1, v2, v3) = (bundles.Bundle("1"), bundles.Bundle("2"), bundles.Bundle("3"));
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = v1 });
        string[] symbols = ["EURUSD", "GBPUSD", "AUDUSD", "NZDUSD"];
        var reloaded = new TaskCompletionSource();
        using var started = new CountdownEvent(symbols.Length);
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();

        var load = symbols.Select((symbol, c) => Task.Run(async () =>
        {
            var ticks = TestBundles.RandomWalk(200_000, seed: 20 + c);
            var versions = new List<string>();
            for (var i = 0; i < ticks.Count && (i < 200 || !reloaded.Task.IsCompleted || versions.Count == 0 || versions[^1] != "3"); i++)
            {
                using var response = await client.PostAsync("/v1/ticks", HostClient.TickJson(symbol, ticks, i));
                var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                if (i == 50)
                {
                    started.Signal();
                }
                if (!response.IsSuccessStatusCode)
                {
                    failures.Enqueue($"{symbol} tick {i}: {(int)response.StatusCode} {body}");
                    continue;
                }
                versions.Add(JsonDocument.Parse(body).RootElement.GetProperty("model").GetProperty("version").GetString()!);
            }
            return versions;
        })).ToArray();

        // Reload while every client is posting: wait until each has 50 ticks in, then swap twice.
        await Task.Run(() => started.Wait(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var first = await client.PostAsync("/v1/model/reload", ReloadBody(v2));
        var second = await client.PostAsync("/v1/model/reload", ReloadBody(v3));
        reloaded.SetResult();
        var seen = await Task.WhenAll(load);

        Assert.Empty(failures);
        Assert.True(first.IsSuccessStatusCode && second.IsSuccessStatusCode);
        foreach (var versions in seen)
        {
            // Each client saw the versions in order (never back to an older model) and ended on the newest.
            Assert.Equal(versions.OrderBy(v => v, StringComparer.Ordinal), versions);
            Assert.Equal("1", versions[0]);
            Assert.Equal("3", versions[^1]);
        }
        var metrics = await client.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("serving_model_reloads_total{result=\"ok\"} 2\n", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reload_ABundleThatDoesNotVerify_Returns422AndTheOldModelKeepsServing()
    {
        var v1 = bundles.Bundle("1");
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = v1 });
        var ticks = TestBundles.RandomWalk(10, seed: 30);
        Assert.Equal("1", (await client.PostSignalsAsync("/v1/ticks", HostClient.TickJson("EURUSD", ticks, 0))).Version);

        var bad = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/model/reload", ReloadBody(bundles.Corrupt(v1))), 422);
        var missing = await HostClient.AssertProblemAsync(await client.PostAsync("/v1/model/reload", ReloadBody(Path.Combine(bundles.Root, "nowhere"))), 422);

        Assert.Equal("HashMismatch", bad.GetProperty("kind").GetString());
        Assert.Equal("MissingFile", missing.GetProperty("kind").GetString());
        Assert.Equal("1", (await client.PostSignalsAsync("/v1/ticks", HostClient.TickJson("EURUSD", ticks, 1))).Version);
        var metrics = await client.Http.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("serving_model_reloads_total{result=\"failed\"} 2\n", metrics, StringComparison.Ordinal);
    }
}

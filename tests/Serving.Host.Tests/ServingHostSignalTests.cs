using System.Text.Json;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Online;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;

namespace Serving.Host.Tests;

/// <summary>Served signals equal the library's (stream and backtester), one by one, batched and streamed; model info, metrics, OpenAPI.</summary>
public sealed class ServingHostSignalTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    private const int Count = 4_000;

    private List<TradeSignal> Expected(string symbol, TickKernelExtensions.Market.TickColumns ticks)
    {
        using var bundle = ModelBundle.Load(bundles.Bundle("1"));
        var stream = new OnlineSignalStream(bundle, symbol, new TimeBarOptions(), TimeSpan.FromMinutes(1));
        var signals = new List<TradeSignal>();
        for (var i = 0; i < ticks.Count; i++)
        {
            stream.OnTick(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i], signals);
        }
        var strategy = new ModelStrategy(bundle);
        TickBacktester.Run(symbol, ticks, strategy);
        Assert.Equal(strategy.Signals, signals);
        return signals;
    }

    [Fact]
    public async Task PostTicks_OneByOne_GiveTheStreamsAndTheBacktestsSignalsExactly_AndTheSseStreamCarriesThem()
    {
        var ticks = TestBundles.RandomWalk(Count, seed: 11);
        var expected = Expected("EURUSD", ticks);
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        var ct = TestContext.Current.CancellationToken;
        using var sse = await client.Http.GetAsync("/v1/signals/stream", HttpCompletionOption.ResponseHeadersRead, ct);
        Assert.Equal("text/event-stream", sse.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await sse.Content.ReadAsStreamAsync(ct));
        Assert.Equal(": subscribed", await reader.ReadLineAsync(ct));
        var served = new List<TradeSignal>();

        for (var i = 0; i < ticks.Count; i++)
        {
            served.AddRange((await client.PostSignalsAsync("/v1/ticks", HostClient.TickJson("EURUSD", ticks, i))).Signals);
        }
        var streamed = new List<(string Id, TradeSignal Signal)>();
        string? id = null;
        while (streamed.Count < expected.Count && await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = line[4..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                streamed.Add((id!, TradeSignalJson.Deserialize(line[6..])));
            }
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, served);
        Assert.Equal(expected, streamed.Select(s => s.Signal));
        Assert.Equal(expected.Select(Mt5SignalExport.IdOf), streamed.Select(s => s.Id));
    }

    [Fact]
    public async Task PostBatch_GivesTheSignalsOfTheTicksPostedOneByOne()
    {
        var ticks = TestBundles.RandomWalk(Count, seed: 12);
        var expected = Expected("GBPUSD", ticks);
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        var served = new List<TradeSignal>();

        for (var start = 0; start < ticks.Count; start += 1_000)
        {
            var batch = "[" + string.Join(",", Enumerable.Range(start, Math.Min(1_000, ticks.Count - start)).Select(i => HostClient.TickJson("GBPUSD", ticks, i))) + "]";
            served.AddRange((await client.PostSignalsAsync("/v1/ticks/batch", batch)).Signals);
        }

        Assert.NotEmpty(expected);
        Assert.Equal(expected, served);
    }

    [Fact]
    public async Task ModelMetricsAndOpenApi_DescribeTheServedModelTheCountersAndTheEndpoints()
    {
        var folder = bundles.Bundle("1");
        using var bundle = ModelBundle.Load(folder);
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = folder, ShadowBundleFolder = bundles.Bundle("1-shadow", buyAt: 0.55, sellAt: 0.45) });
        var ct = TestContext.Current.CancellationToken;
        var ticks = TestBundles.RandomWalk(Count, seed: 13);
        var batch = "[" + string.Join(",", Enumerable.Range(0, ticks.Count).Select(i => HostClient.TickJson("EURUSD", ticks, i))) + "]";
        var signals = (await client.PostSignalsAsync("/v1/ticks/batch", batch)).Signals;
        await HostClient.AssertProblemAsync(await client.PostAsync("/v1/ticks", "{"), 400);

        var model = JsonDocument.Parse(await client.Http.GetStringAsync("/v1/model", ct)).RootElement;
        var metrics = await client.Http.GetStringAsync("/metrics", ct);
        var openApi = JsonDocument.Parse(await client.Http.GetStringAsync("/openapi/v1.json", ct)).RootElement;

        Assert.Equal(("eurusd-direction", "1", bundle.ContentHash), (model.GetProperty("name").GetString(), model.GetProperty("version").GetString(), model.GetProperty("sha256").GetString()));
        Assert.Equal(0.8125, model.GetProperty("metrics").GetProperty("test_auc").GetDouble());
        Assert.Equal(bundle.Signature.InputColumns, model.GetProperty("signature").GetProperty("inputColumns").EnumerateArray().Select(e => e.GetString()!));
        Assert.Equal(0.6, model.GetProperty("thresholds").GetProperty("buyAt").GetDouble());
        Assert.Equal(("test-core", bundle.FeatureSet.ContentHash), (model.GetProperty("featureSet").GetProperty("name").GetString(), model.GetProperty("featureSet").GetProperty("sha256").GetString()));
        Assert.Equal("1-shadow", model.GetProperty("shadow").GetProperty("version").GetString());
        Assert.True(model.TryGetProperty("loadedAt", out _));

        Assert.Contains($"serving_ticks_total {Count}\n", metrics, StringComparison.Ordinal);
        var byAction = signals.GroupBy(s => s.Action).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (action, n) in byAction)
        {
            Assert.Contains($"serving_signals_total{{action=\"{action.ToString().ToLowerInvariant()}\"}} {n}\n", metrics, StringComparison.Ordinal);
        }
        Assert.Contains("serving_requests_total{endpoint=\"/v1/ticks/batch\",status=\"200\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains("serving_requests_total{endpoint=\"/v1/ticks\",status=\"400\"} 1\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"serving_scoring_seconds_count {Count}\n", metrics, StringComparison.Ordinal);
        Assert.Contains($"serving_model_info{{name=\"eurusd-direction\",version=\"1\",sha256=\"{bundle.ContentHash}\"", metrics, StringComparison.Ordinal);
        // The shadow scored the same bars: as many shadow signals as served ones, never returned.
        var shadowTotal = System.Text.RegularExpressions.Regex.Matches(metrics, "serving_shadow_signals_total\\{action=\"\\w+\"\\} (\\d+)").Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(signals.Count, shadowTotal);
        Assert.All(signals, s => Assert.Equal("1", s.ModelVersion));

        var paths = openApi.GetProperty("paths");
        foreach (var path in new[] { "/v1/ticks", "/v1/ticks/batch", "/v1/signals/stream", "/v1/model", "/v1/model/reload", "/v1/demo/account", "/v1/dashboard", "/", "/health/live", "/health/ready", "/metrics" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the OpenAPI document");
        }
    }
}

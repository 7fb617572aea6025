using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Signals;

namespace Serving.Host.Tests;

/// <summary>Starts a host on loopback and talks to it with a real HttpClient.</summary>
internal sealed class HostClient : IAsyncDisposable
{
    public const string Key = "test-key-1";

    private HostClient(ServingHost host, HttpClient http) => (Host, Http) = (host, http);

    public ServingHost Host { get; }

    public HttpClient Http { get; }

    public static async Task<HostClient> StartAsync(ServingHostOptions options)
    {
        var host = await ServingHost.StartAsync(options with { ApiKeys = options.ApiKeys.Count == 0 ? [Key] : options.ApiKeys },
            l => l.ClearProviders().SetMinimumLevel(LogLevel.Warning), TestContext.Current.CancellationToken);
        var http = new HttpClient { BaseAddress = new Uri(host.Url), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return new HostClient(host, http);
    }

    public static string TickJson(string symbol, TickColumns ticks, int i) => string.Create(CultureInfo.InvariantCulture,
        $"{{\"symbol\":\"{symbol}\",\"time\":{ticks.Timestamps[i]},\"bid\":{ticks.Bids[i]:R},\"ask\":{ticks.Asks[i]:R},\"bid_volume\":{ticks.BidVolumes[i]:R},\"ask_volume\":{ticks.AskVolumes[i]:R}}}");

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public async Task<HttpResponseMessage> PostAsync(string path, string json) =>
        await Http.PostAsync(path, Json(json), TestContext.Current.CancellationToken);

    /// <summary>Posts and expects 200; returns the signals of the response (and its model version).</summary>
    public async Task<(List<TradeSignal> Signals, string Version)> PostSignalsAsync(string path, string json)
    {
        using var response = await PostAsync(path, json);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        using var doc = JsonDocument.Parse(body);
        var signals = doc.RootElement.GetProperty("signals").EnumerateArray().Select(e => TradeSignalJson.Deserialize(e.GetRawText())).ToList();
        return (signals, doc.RootElement.GetProperty("model").GetProperty("version").GetString()!);
    }

    /// <summary>Checks a problem document: status, media type, and (when given) the field it names; returns its JSON.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, int status, string? field = null)
    {
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(status == (int)response.StatusCode, $"expected {status}, was {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var root = JsonDocument.Parse(body).RootElement.Clone();
        Assert.Equal(status, root.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
        if (field is not null)
        {
            Assert.Equal(field, root.GetProperty("field").GetString());
            Assert.False(string.IsNullOrEmpty(root.GetProperty("expected").GetString()));
            Assert.False(string.IsNullOrEmpty(root.GetProperty("actual").GetString()));
        }
        return root;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}

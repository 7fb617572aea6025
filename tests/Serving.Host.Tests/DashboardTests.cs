using System.Net;
using System.Text.RegularExpressions;

namespace Serving.Host.Tests;

/// <summary>The dashboard page, served open and self-contained, rendered in headless Chromium against a live host.</summary>
public sealed class DashboardTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    [Fact]
    public async Task DashboardPage_IsOpenAndSelfContained_AndItsDataNeedsTheKey()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        using var anonymous = new HttpClient { BaseAddress = new Uri(client.Host.Url) };
        var ct = TestContext.Current.CancellationToken;

        using var page = await anonymous.GetAsync("/", ct);
        var html = await page.Content.ReadAsStringAsync(ct);
        using var data = await anonymous.GetAsync("/v1/dashboard", ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotMatch(@"<script[^>]+src=|<link[^>]+href=|https?://", html);
        Assert.DoesNotContain("innerHTML", html, StringComparison.Ordinal);
        Assert.Equal(html, await anonymous.GetStringAsync("/dashboard", ct));
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
    }

    [Fact]
    public async Task Dashboard_InHeadlessChromium_ShowsTheModel_ThenTheSignalsAndTheDemoAccountOnceTicksArrive()
    {
        Chromium.Executable();
        var folder = bundles.Bundle("1");
        await using var client = await HostClient.StartAsync(new ServingHostOptions
        {
            BundleFolder = folder, DemoJournal = Path.Combine(bundles.Root, "dashboard-demo.jsonl"),
        });
        var url = $"{client.Host.Url}/#key={HostClient.Key}";
        var artefacts = Path.Combine(AppContext.BaseDirectory, "test-artefacts");
        Directory.CreateDirectory(artefacts);

        var empty = await Chromium.DumpAsync(url, Path.Combine(artefacts, "dashboard-empty.png"));
        Assert.Equal("eurusd-direction", Cell(empty, "model-name"));
        Assert.Equal("1", Cell(empty, "model-version"));
        Assert.Equal(0, Rows(empty, "signals"));

        var ticks = TestBundles.Swings(4_000);
        var batch = "[" + string.Join(",", Enumerable.Range(0, ticks.Count).Select(i => HostClient.TickJson("EURUSD", ticks, i))) + "]";
        var signals = (await client.PostSignalsAsync("/v1/ticks/batch", batch)).Signals;
        Assert.NotEmpty(signals);

        // Poll until the page shows them (each dump is a fresh page load polling the live host); generous overall bound.
        var png = Path.Combine(artefacts, "dashboard.png");
        var dom = "";
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            dom = await Chromium.DumpAsync(url, png);
            if (Rows(dom, "signals") > 0 && Rows(dom, "fills") > 0)
            {
                break;
            }
        }

        Assert.Equal(Math.Min(signals.Count, RecentSignals.Capacity), Rows(dom, "signals"));
        Assert.Contains(signals[^1].Time.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), dom, StringComparison.Ordinal);
        Assert.True(Rows(dom, "fills") > 0, "the demo account's fills should be listed");
        Assert.EndsWith("USD", Cell(dom, "demo-equity"), StringComparison.Ordinal);
        Assert.Equal("4000", Cell(dom, "ticks"));
        Assert.True(new FileInfo(png).Length > 10_000, $"the screenshot {png} should hold the rendered page");
    }

    private static string Cell(string dom, string id)
    {
        var m = Regex.Match(dom, $"id=\"{id}\"[^>]*>([^<]*)<");
        Assert.True(m.Success, $"#{id} is not in the page: {dom[..Math.Min(dom.Length, 2000)]}");
        return WebUtility.HtmlDecode(m.Groups[1].Value);
    }

    private static int Rows(string dom, string table)
    {
        var m = Regex.Match(dom, $"<table id=\"{table}\">.*?<tbody>(.*?)</tbody>", RegexOptions.Singleline);
        Assert.True(m.Success, $"table #{table} is not in the page");
        return Regex.Matches(m.Groups[1].Value, "<tr>").Count;
    }
}

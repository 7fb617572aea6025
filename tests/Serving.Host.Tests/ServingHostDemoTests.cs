using System.Text.Json;
using TickKernelExtensions.Execution;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Online;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;

namespace Serving.Host.Tests;

/// <summary>The optional demo account: fed the host's ticks and signals, it matches an executor fed the same directly, and resumes from its journal.</summary>
public sealed class ServingHostDemoTests(TestBundles bundles) : IClassFixture<TestBundles>
{
    private const int Count = 4_000;

    private string Journal() => Path.Combine(bundles.Root, "demo-" + Guid.NewGuid().ToString("N") + ".jsonl");

    private static string Batch(TickKernelExtensions.Market.TickColumns ticks, int from, int to) =>
        "[" + string.Join(",", Enumerable.Range(from, to - from).Select(i => HostClient.TickJson("EURUSD", ticks, i))) + "]";

    private static async Task<JsonElement> AccountAsync(HostClient client) =>
        JsonDocument.Parse(await client.Http.GetStringAsync("/v1/demo/account", TestContext.Current.CancellationToken)).RootElement.Clone();

    [Fact]
    public async Task DemoAccount_AfterTicksAndSignals_EqualsAnExecutorFedTheSameTicksAndSignals()
    {
        var ticks = TestBundles.Swings(Count);
        var journal = Journal();
        DemoExecutorState expected;
        double expectedEquity;
        using (var bundle = ModelBundle.Load(bundles.Bundle("1")))
        using (var executor = DemoExecutor.Open(Journal()))
        {
            var stream = new OnlineSignalStream(bundle, "EURUSD", new TimeBarOptions(), TimeSpan.FromMinutes(1));
            var produced = new List<TradeSignal>();
            for (var i = 0; i < ticks.Count; i++)
            {
                produced.Clear();
                executor.OnTick("EURUSD", ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i]);
                stream.OnTick(ticks.Timestamps[i], ticks.Bids[i], ticks.Asks[i], ticks.BidVolumes[i], ticks.AskVolumes[i], produced);
                // The host hands the executor the tick first, then the signals it produced (the stream's scoring comes first there, but it does not touch the executor).
                foreach (var s in produced)
                {
                    executor.OnSignal(s);
                }
            }
            expected = executor.State();
            expectedEquity = executor.Equity();
        }
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1"), DemoJournal = journal });

        var signals = (await client.PostSignalsAsync("/v1/ticks/batch", Batch(ticks, 0, Count))).Signals;
        var account = await AccountAsync(client);

        Assert.NotEmpty(signals);
        Assert.NotEmpty(expected.Trades);
        Assert.Equal(expected.Balance, account.GetProperty("balance").GetDouble());
        Assert.Equal(expectedEquity, account.GetProperty("equity").GetDouble());
        Assert.Equal(expected.Trades.Count, account.GetProperty("tradeCount").GetInt32());
        Assert.Equal(expected.Sequence, account.GetProperty("sequence").GetInt64());
        Assert.Equal(expected.Positions.Select(p => p.Id), account.GetProperty("positions").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()));
        Assert.NotEqual(0, account.GetProperty("fills").GetArrayLength());
        Assert.Equal("fill", account.GetProperty("fills").EnumerateArray().Last().GetProperty("type").GetString());
        var statuses = account.GetProperty("signalsSinceStart");
        Assert.Equal(signals.Count, statuses.EnumerateObject().Sum(p => p.Value.GetInt64()));
        Assert.Equal(Path.GetFileName(journal), account.GetProperty("journal").GetString());
    }

    [Fact]
    public async Task DemoAccount_AfterAHostRestartOnTheSameJournal_IsResumed()
    {
        // Long enough that the restarted host's fresh stream warms up again and trades on.
        var ticks = TestBundles.Swings(2 * Count);
        var journal = Journal();
        var options = new ServingHostOptions { BundleFolder = bundles.Bundle("1"), DemoJournal = journal };
        JsonElement before;
        await using (var first = await HostClient.StartAsync(options))
        {
            await first.PostSignalsAsync("/v1/ticks/batch", Batch(ticks, 0, 3 * Count / 4));
            before = await AccountAsync(first);
        }
        await using var second = await HostClient.StartAsync(options);

        var after = await AccountAsync(second);
        await second.PostSignalsAsync("/v1/ticks/batch", Batch(ticks, 3 * Count / 4, 2 * Count));
        var later = await AccountAsync(second);

        Assert.True(before.GetProperty("tradeCount").GetInt32() > 0, "the first half should close trades");
        Assert.Equal(before.GetProperty("balance").GetDouble(), after.GetProperty("balance").GetDouble());
        Assert.Equal(before.GetProperty("sequence").GetInt64(), after.GetProperty("sequence").GetInt64());
        Assert.Equal(before.GetProperty("tradeCount").GetInt32(), after.GetProperty("tradeCount").GetInt32());
        Assert.Equal(before.GetProperty("positions").GetRawText(), after.GetProperty("positions").GetRawText());
        Assert.True(later.GetProperty("sequence").GetInt64() > after.GetProperty("sequence").GetInt64(), "the resumed account keeps journaling");
    }

    [Fact]
    public async Task DemoAccount_WithoutAJournal_Is404_AndTheDashboardSaysNoDemo()
    {
        await using var client = await HostClient.StartAsync(new ServingHostOptions { BundleFolder = bundles.Bundle("1") });
        var ct = TestContext.Current.CancellationToken;

        await HostClient.AssertProblemAsync(await client.Http.GetAsync("/v1/demo/account", ct), 404);
        var dashboard = JsonDocument.Parse(await client.Http.GetStringAsync("/v1/dashboard", ct)).RootElement;

        Assert.Equal(JsonValueKind.Null, dashboard.GetProperty("demo").ValueKind);
        Assert.Equal("1", dashboard.GetProperty("model").GetProperty("version").GetString());
    }
}

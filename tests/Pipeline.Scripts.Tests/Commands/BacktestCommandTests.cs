namespace Pipeline.Scripts.Tests.Commands;

public sealed class BacktestCommandTests
{
    [Fact]
    public async Task Backtest_AfterTrain_TradesTheTestPeriodWalksForwardAndWritesTheSameReportsTwice()
    {
        using var dir = new TempDirectory();
        foreach (var step in new[]
        {
            new[] { "ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-04", "--to", "2024-03-08", "--tick-rate-scale", "0.05" },
            ["publish", "--data", dir.Path],
            ["process", "--data", dir.Path, "--no-dataset"],
            ["train", "--data", dir.Path, "--trials", "2"],
        })
        {
            var (code, stepError) = await CliRunner.RunAsync(step);
            Assert.True(code == 0, $"{step[0]}: {stepError}");
        }
        string[] args = ["backtest", "--data", dir.Path, "--wf-train", "1.12:00:00", "--wf-test", "12:00:00", "--wf-trials", "2"];

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(args);
        var reports = Path.Combine(dir.Path, "reports", "backtest", "gold-core-direction", "1");
        var first = Directory.GetFiles(reports).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        var (again, _, againError) = await CliRunner.RunWithOutputAsync([.. args, "--no-tracking"]);
        var second = Directory.GetFiles(reports).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))).ToList();

        Assert.True(exit == 0, error);
        Assert.True(again == 0, againError);
        Assert.Matches(@"EURUSD gold-core-direction v1, out of sample: [\d,]+ ticks, [\d,]+ bars scored, [\d,]+ signals, [\d,]+ trades", output);
        Assert.Matches(@"backtest: return -?[\d.]+ %, Sharpe -?[\d.]+, max drawdown [\d.]+ %, win rate [\d.]+ %, profit factor [\d.]+, costs [\d,.]+ \(spread [\d,.]+, commission [\d,.]+, slippage [\d,.]+, swap -?[\d,.]+\)", output);
        Assert.Matches(@"walk-forward: 5 folds, [\d,]+ trades; Sharpe before costs", output);
        Assert.Matches(@"  fold 1: 2024-03-05 12:15 … 2024-03-06 00:15: return", output);
        Assert.Matches(@"hashes: data [0-9a-f]{12}, config [0-9a-f]{12}, model [0-9a-f]{12}", output);
        Assert.Matches(@"MLflow run [0-9a-f]{32}", output);
        Assert.Contains("walk-forward 5/5: trading", error, StringComparison.Ordinal);
        Assert.Equal(["backtest.html", "backtest.json", "signals.mt5.csv", "walk-forward.html", "walk-forward.json"], first.Select(f => f.Item1));
        // Determinism: the same inputs give byte-identical reports (the fold models are retrained in between).
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Item2.AsSpan().SequenceEqual(pair.Second.Item2), $"{pair.First.Item1} changed between two runs"));
        Assert.StartsWith("#tick-signals,version=1,symbol=EURUSD", File.ReadAllText(Path.Combine(reports, "signals.mt5.csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_NoModel_ExitsTwoSayingToTrainFirst()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("backtest", "--data", dir.Path);

        Assert.Equal(2, exit);
        Assert.Contains("There is no exported model 'gold-core-direction' to backtest: run pipeline train", error, StringComparison.Ordinal);
    }
}

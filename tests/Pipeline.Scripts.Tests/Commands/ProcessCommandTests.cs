namespace Pipeline.Scripts.Tests.Commands;

public sealed class ProcessCommandTests
{
    [Fact]
    public async Task Process_AfterPublish_BuildsSilverGoldAndADatasetWhoseVersionARerunKeeps()
    {
        using var dir = new TempDirectory();
        var (ingested, ingestError) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-07", "--to", "2024-03-09", "--tick-rate-scale", "0.05");
        Assert.True(ingested == 0, ingestError);
        var (published, publishError) = await CliRunner.RunAsync("publish", "--data", dir.Path);
        Assert.True(published == 0, publishError);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("process", "--data", dir.Path, "--timeframe", "00:05:00");
        var dvc = await File.ReadAllTextAsync(Path.Combine(dir.Path, "datasets", "features_gold_core_v1.dvc"), TestContext.Current.CancellationToken);
        var (again, output2, error2) = await CliRunner.RunWithOutputAsync("process", "--data", dir.Path, "--timeframe", "00:05:00");
        var (sqlExit, counted, sqlError) = await CliRunner.RunWithOutputAsync("sql", "--data", dir.Path, "--format", "csv",
            "SELECT (SELECT count(*) FROM bronze.ticks) AS bronze, (SELECT sum(kept_ticks + dropped_ticks) FROM silver.quality) AS accounted, " +
            "(SELECT count(*) FROM silver.ticks) = (SELECT sum(kept_ticks) FROM silver.quality) AS kept_match, " +
            "(SELECT sum(tick_count) FROM gold.bars_5m) <= (SELECT count(*) FROM silver.ticks) AS bars_cover");

        Assert.True(exit == 0, error);
        Assert.Matches(@"silver\.ticks: 2 partitions, 9,783 ticks in, [\d,]+ kept, \d+ dropped, \d+ flagged, \d+ missing gaps; snapshot \d+", output);
        Assert.Matches(@"gold\.bars_5m, gold\.features_gold_core_v1: [\d,]+ bars in 2 partitions; feature set gold-core v1 \([0-9a-f]{12}\); snapshots \d+, \d+", output);
        Assert.Matches(@"dataset datasets/features_gold_core_v1: 3 files, [\d,]+ bytes, md5 [0-9a-f]{32}\.dir", output.Replace('\\', '/'));
        Assert.Contains("- bronze.ticks@", dvc, StringComparison.Ordinal);
        Assert.Contains("bars.timeframe: 5m", dvc, StringComparison.Ordinal);
        Assert.True(again == 0, error2);
        // Same bronze, same code: the same bytes, so the same dataset version.
        var md5 = System.Text.RegularExpressions.Regex.Match(dvc, "md5: ([0-9a-f]{32})\\.dir").Groups[1].Value;
        Assert.Contains(md5, output2, StringComparison.Ordinal);
        Assert.True(sqlExit == 0, sqlError);
        Assert.Equal("bronze,accounted,kept_match,bars_cover\n9783,9783,true,true\n", counted.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Process_NoBronzeTable_ExitsThreeSayingWhatToRunFirst()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("process", "--data", dir.Path);

        Assert.Equal(3, exit);
        Assert.Contains("bronze.ticks is not in the catalog", error, StringComparison.Ordinal);
        Assert.Contains("pipeline publish", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_FromAfterTo_ExitsThree()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("process", "--data", dir.Path, "--from", "2024-03-09", "--to", "2024-03-07");

        Assert.Equal(3, exit);
        Assert.Contains("--from 2024-03-09 is after --to 2024-03-07", error, StringComparison.Ordinal);
    }
}

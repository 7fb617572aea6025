namespace Pipeline.Scripts.Tests.Commands;

public sealed class PublishCommandTests
{
    [Fact]
    public async Task Publish_AfterIngest_SqlCountsEveryTickAndRepublishCommitsNothing()
    {
        using var dir = new TempDirectory();
        var (ingested, ingestError) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-07", "--to", "2024-03-09", "--tick-rate-scale", "0.05");
        Assert.True(ingested == 0, ingestError);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("publish", "--data", dir.Path);
        var (_, again, _) = await CliRunner.RunWithOutputAsync("publish", "--data", dir.Path);
        var (sqlExit, counted, sqlError) = await CliRunner.RunWithOutputAsync("sql", "--data", dir.Path, "--format", "csv", "SELECT count(*) AS n, count(DISTINCT ts::DATE) AS days FROM bronze.ticks");

        Assert.True(exit == 0, error);
        Assert.Matches(@"bronze\.ticks: 2 days of builtin-[0-9a-f]{8}: 2 appended, 0 replaced, 0 unchanged; 1 commit\(s\), snapshot \d+", output);
        Assert.Contains("0 appended, 0 replaced, 2 unchanged; nothing to commit", again, StringComparison.Ordinal);
        Assert.True(sqlExit == 0, sqlError);
        Assert.Equal("n,days\n9783,2\n", counted.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Publish_NothingIngested_ExitsThreeSayingSo()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("publish", "--data", dir.Path);

        Assert.Equal(3, exit);
        Assert.Contains("No tick Parquet under", error, StringComparison.Ordinal);
    }
}

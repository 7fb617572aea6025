namespace Pipeline.Scripts.Tests.Commands;

public sealed class TrainCommandTests
{
    [Fact]
    public async Task Train_AfterProcess_PrintsTheSplitTheAucsTheBundleAndTheRun()
    {
        using var dir = new TempDirectory();
        var (ingested, ingestError) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-04", "--to", "2024-03-08", "--tick-rate-scale", "0.05");
        Assert.True(ingested == 0, ingestError);
        var (published, publishError) = await CliRunner.RunAsync("publish", "--data", dir.Path);
        Assert.True(published == 0, publishError);
        var (processed, processError) = await CliRunner.RunAsync("process", "--data", dir.Path, "--no-dataset");
        Assert.True(processed == 0, processError);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("train", "--data", dir.Path, "--trials", "2");

        Assert.True(exit == 0, error);
        Assert.Matches(@"EURUSD: [\d,]+ train / [\d,]+ validation / [\d,]+ test samples \(\d+ purged, \d+ embargoed\)", output);
        Assert.Matches(@"search: 2 trials \(max trials\); best LightGbm trees=\d+", output);
        Assert.Matches(@"AUC train 0\.\d{3}, validation 0\.\d{3}, test 0\.\d{3} \(no-skill band 0\.5 ± 0\.\d{3}\)", output);
        Assert.Contains("test split evaluated once, at ", output, StringComparison.Ordinal);
        Assert.Matches(@"bundle models/gold-core-direction/1 \(sha256 [0-9a-f]{12}\); MLflow run [0-9a-f]{32} in .*mlruns; registered gold-core-direction version 1", output.Replace('\\', '/'));
        Assert.Contains("labelling", error, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "models", "gold-core-direction", "1", "MLmodel")));
    }

    [Fact]
    public async Task Train_NoFeatureTable_ExitsThreeSayingWhatToRunFirst()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("train", "--data", dir.Path);

        Assert.Equal(3, exit);
        Assert.Contains("gold.features_gold_core_v1", error, StringComparison.Ordinal);
        Assert.Contains("pipeline process", error, StringComparison.Ordinal);
    }
}

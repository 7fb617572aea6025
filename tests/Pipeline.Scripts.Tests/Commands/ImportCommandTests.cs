namespace Pipeline.Scripts.Tests.Commands;

public sealed class ImportCommandTests
{
    private const string Header = "timestamp,askPrice,bidPrice,askVolume,bidVolume\n";

    [Fact]
    public async Task Import_GoodFile_ExitZeroAndParquetWritten()
    {
        using var dir = new TempDirectory();
        var csv = dir.Combine("EURUSD_ticks.csv");
        File.WriteAllText(csv, Header + "1709546400000,1.08522,1.08510,1.5,2\n1709546400100,1.08523,1.08511,1,1\n");

        var (exit, error) = await CliRunner.RunAsync("import", csv, "--data", dir.Combine("data"), "--symbol", "EURUSD");

        Assert.True(exit == 0, error);
        Assert.Single(Directory.GetFiles(dir.Combine("data", "parquet", "ticks"), "*.parquet", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Import_BadRow_ExitOneNamesLineAndFieldAndQuarantines()
    {
        using var dir = new TempDirectory();
        var csv = dir.Combine("bad.csv");
        File.WriteAllText(csv, Header + "1709546400000,1.08522,1.08510,1.5,2\n1709546400100,1.0852x,1.08511,1,1\n");

        var (exit, error) = await CliRunner.RunAsync("import", csv, "--data", dir.Combine("data"), "--symbol", "EURUSD");

        Assert.Equal(1, exit);
        Assert.Contains("bad.csv:3", error, StringComparison.Ordinal);
        Assert.Contains("askPrice", error, StringComparison.Ordinal);
        Assert.Contains("1.0852x", error, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Combine("data", "quarantine"), "*.error.txt"));
        Assert.False(Directory.Exists(dir.Combine("data", "parquet", "ticks")) &&
            Directory.GetFiles(dir.Combine("data", "parquet", "ticks"), "*", SearchOption.AllDirectories).Length > 0);
    }
}

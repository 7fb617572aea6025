namespace Pipeline.Scripts.Tests.Commands;

public sealed class DeployConfigCommandTests
{
    [Fact]
    public async Task DeployConfigCheck_CommittedDeployFolder_IsWhatTheCommandWrites()
    {
        var deploy = Path.Combine(RunAll.RunAllCommandTests.RepositoryRoot(), "deploy");

        var (exit, error) = await CliRunner.RunAsync("deploy-config", "--check", "--out", deploy);

        Assert.True(exit == 0, "deploy/ is stale; run `pipeline deploy-config`: " + error);
    }

    [Fact]
    public async Task DeployConfig_WriteThenChangeASetting_CheckNamesTheStaleFile()
    {
        using var dir = new TempDirectory();

        var (written, writeError) = await CliRunner.RunAsync("deploy-config", "--out", dir.Path, "--catalog-name", "research", "--s3-endpoint", "aws");
        var (same, _) = await CliRunner.RunAsync("deploy-config", "--check", "--out", dir.Path, "--catalog-name", "research", "--s3-endpoint", "aws");
        var (stale, staleError) = await CliRunner.RunAsync("deploy-config", "--check", "--out", dir.Path, "--catalog-name", "research", "--warehouse", "s3://other/wh", "--s3-endpoint", "aws");

        Assert.True(written == 0, writeError);
        Assert.DoesNotContain("s3.endpoint", File.ReadAllText(dir.Combine("trino", "catalog", "research.properties")), StringComparison.Ordinal);
        Assert.Equal(0, same);
        Assert.Equal(1, stale);
        Assert.Contains(Path.Combine("trino", "catalog", "research.properties") + ": differs", staleError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeployConfig_BadJdbcUrl_ExitsThreeNamingIt()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("deploy-config", "--out", dir.Path, "--jdbc-url", "jdbc:mysql://db/lake");

        Assert.Equal(3, exit);
        Assert.Contains("JdbcUrl: expected jdbc:postgresql://host:port/database", error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}

using TickKernelExtensions.Tests.Support;
using TempDirectory = Pipeline.Scripts.Tests.TempDirectory;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary><c>pipeline publish</c> and <c>pipeline sql</c> with the warehouse on S3 (s3rver on loopback).</summary>
[Collection(S3Collection.Name)]
public sealed class PublishCommandS3Tests(S3rverFixture s3)
{
    [Fact]
    public async Task Publish_ToS3Warehouse_SqlCountsEveryTickThroughTheDataCache()
    {
        s3.Require();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverFixture.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverFixture.AccessKey);
        using var dir = new TempDirectory();
        var (ingested, ingestError) = await CliRunner.RunAsync("ingest", "--data", dir.Path, "--symbols", "EURUSD", "--from", "2024-03-07", "--to", "2024-03-09", "--tick-rate-scale", "0.05");
        Assert.True(ingested == 0, ingestError);
        var prefix = "cli-lake-" + Guid.NewGuid().ToString("N")[..8];
        string[] connection = ["--endpoint", s3.Url, "--no-chunk-encoding"];

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(["publish", "--data", dir.Path, "--warehouse", $"s3://{S3rverFixture.BucketName}/{prefix}", .. connection]);
        var (sqlExit, counted, sqlError) = await CliRunner.RunWithOutputAsync(
            ["sql", "--data", dir.Path, "--format", "csv", .. connection, "SELECT count(*) AS n, count(DISTINCT ts::DATE) AS days FROM bronze.ticks"]);

        Assert.True(exit == 0, error);
        Assert.Matches(@"2 appended, 0 replaced, 0 unchanged; 1 commit\(s\)", output);
        Assert.True(sqlExit == 0, sqlError);
        Assert.Equal("n,days\n9783,2\n", counted.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(dir.Combine("lake")));
        var cached = Directory.GetFiles(dir.Combine("cache", "s3", S3rverFixture.BucketName, prefix, "bronze", "ticks", "data"), "*.parquet", SearchOption.AllDirectories);
        Assert.Equal(2, cached.Length);
        using var store = s3.Store(prefix);
        var objects = new List<string>();
        await foreach (var o in store.ListAsync("bronze/ticks/", TestContext.Current.CancellationToken))
        {
            objects.Add(o.Key);
        }
        Assert.Equal(2, objects.Count(k => k.EndsWith(".parquet", StringComparison.Ordinal)));
        Assert.Equal(2, objects.Count(k => k.EndsWith(".metadata.json", StringComparison.Ordinal)));
    }
}

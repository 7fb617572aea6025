using TickKernelExtensions.Storage;
using TickKernelExtensions.Tests.Support;
using TempDirectory = Pipeline.Scripts.Tests.TempDirectory;

namespace Pipeline.Scripts.Tests.Commands;

[Collection(S3Collection.Name)]
public sealed class ReplicateCommandTests(S3rverFixture s3)
{
    private static Dictionary<string, byte[]> WriteSource(string root)
    {
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            var key = $"builtin-test/EURUSD/2024/03/0{i}/10h_ticks.bi5";
            var bytes = new byte[2000 + i * 500];
            new Random(i).NextBytes(bytes);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(root, key))!);
            File.WriteAllBytes(Path.Combine(root, key), bytes);
            files[key] = bytes;
        }
        return files;
    }

    private static async Task<byte[]> Read(IObjectStore store, string key)
    {
        await using var stream = await store.OpenReadAsync(key, null, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    [Fact]
    public async Task Replicate_ToS3_ExitZeroEveryObjectThere_RerunSendsNothing()
    {
        s3.Require();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverFixture.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverFixture.AccessKey);
        using var dir = new TempDirectory();
        var raw = dir.Combine("data", "raw");
        var files = WriteSource(raw);
        var prefix = "cli-" + Guid.NewGuid().ToString("N")[..8];
        string[] args = ["replicate", raw, $"s3://{S3rverFixture.BucketName}/{prefix}", "--endpoint", s3.Url, "--no-chunk-encoding", "--concurrency", "2"];

        var (exit, error) = await CliRunner.RunAsync(args);
        var (again, againError) = await CliRunner.RunAsync(args);

        Assert.True(exit == 0, error);
        Assert.Contains("replicate      5/5 files (100%)", error, StringComparison.Ordinal);
        using var store = s3.Store(prefix);
        foreach (var (key, bytes) in files)
        {
            Assert.Equal(bytes, await Read(store, key));
        }
        Assert.True(again == 0, againError);
        Assert.Contains("0 B sent", againError, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(dir.Combine("data", "replication"), "*.json"));
    }

    [Fact]
    public async Task Replicate_MissingBucket_ExitTwoNamingBucket()
    {
        s3.Require();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverFixture.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverFixture.AccessKey);
        using var dir = new TempDirectory();
        var raw = dir.Combine("raw");
        WriteSource(raw);

        var (exit, error) = await CliRunner.RunAsync("replicate", raw, "s3://absent-bucket/raw", "--endpoint", s3.Url, "--no-chunk-encoding");

        Assert.Equal(2, exit);
        Assert.Contains("BucketNotFound", error, StringComparison.Ordinal);
        Assert.Contains("absent-bucket", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replicate_ToLocalFolder_ExitZeroSameBytes()
    {
        using var dir = new TempDirectory();
        var raw = dir.Combine("data", "raw");
        var files = WriteSource(raw);
        var target = dir.Combine("replica");

        var (exit, error) = await CliRunner.RunAsync("replicate", raw, target);

        Assert.True(exit == 0, error);
        foreach (var (key, bytes) in files)
        {
            Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(target, key)));
        }
    }

    [Fact]
    public async Task Replicate_BadOptions_ExitTwoNamingEveryField()
    {
        using var dir = new TempDirectory();
        var raw = dir.Combine("raw");
        WriteSource(raw);

        var (exit, error) = await CliRunner.RunAsync("replicate", raw, dir.Combine("replica"), "--concurrency", "0", "--max-attempts", "0");

        Assert.Equal(2, exit);
        Assert.Contains("Concurrency", error, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts", error, StringComparison.Ordinal);
    }
}

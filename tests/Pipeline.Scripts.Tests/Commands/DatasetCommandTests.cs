using TickKernelExtensions.Storage;
using TickKernelExtensions.Tests.Support;
using TempDirectory = Pipeline.Scripts.Tests.TempDirectory;

namespace Pipeline.Scripts.Tests.Commands;

[Collection(S3Collection.Name)]
public sealed class DatasetCommandTests(S3rverFixture s3)
{
    private static string WriteBars(string data)
    {
        var bars = Path.Combine(data, "gold", "bars");
        Directory.CreateDirectory(bars);
        File.WriteAllText(Path.Combine(bars, "bar"), "bar");
        File.WriteAllText(Path.Combine(bars, "foo"), "foo");
        return bars;
    }

    [Fact]
    public async Task Add_StatusCheckout_DvcFileExactChangesListedUncommittedRefusedForceRestores()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var bars = WriteBars(data);

        var (added, addOut, addError) = await CliRunner.RunWithOutputAsync("dataset", "add", bars, "--data", data);
        var (_, cleanOut, _) = await CliRunner.RunWithOutputAsync("dataset", "status", "--data", data);
        File.WriteAllText(Path.Combine(bars, "foo"), "FOO");
        File.WriteAllText(Path.Combine(bars, "baz"), "baz");
        File.Delete(Path.Combine(bars, "bar"));
        var (_, dirtyOut, _) = await CliRunner.RunWithOutputAsync("dataset", "status", "--data", data);
        var (refused, refusedError) = await CliRunner.RunAsync("dataset", "checkout", "--data", data);
        var (forced, forcedOut, forcedError) = await CliRunner.RunWithOutputAsync("dataset", "checkout", "--force", "--data", data);

        Assert.True(added == 0, addError);
        Assert.Equal("gold/bars.dvc: 5ea40360f5b4ec688df672a4db9c17d1.dir, 2 file(s), 6 bytes, 3 new object(s) in the cache\n", addOut);
        Assert.Contains("add           2/2 files (100%)", addError, StringComparison.Ordinal);
        Assert.Equal("outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: bars\n", File.ReadAllText(Path.Combine(data, "gold", "bars.dvc")));
        Assert.Equal("gold/bars.dvc: bars unchanged\nData and pipelines are up to date.\n", cleanOut);
        Assert.Equal("gold/bars.dvc: bars modified\n    deleted: bar\n    new: baz\n    modified: foo\n", dirtyOut);
        Assert.Equal(2, refused);
        Assert.StartsWith("error (UncommittedChanges): ", refusedError, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(bars, "foo"), refusedError, StringComparison.Ordinal);
        Assert.True(forced == 0, forcedError);
        Assert.Equal("checkout: 2 file(s) restored (6 bytes), 0 unchanged, 1 deleted\n", forcedOut);
        Assert.Equal("foo", File.ReadAllText(Path.Combine(bars, "foo")));
        Assert.False(File.Exists(Path.Combine(bars, "baz")));
    }

    [Fact]
    public async Task Add_WithLineage_RecordedUnderMeta()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var bars = WriteBars(data);

        var (exit, error) = await CliRunner.RunAsync("dataset", "add", bars, "--data", data,
            "--input", "silver.ticks@5928164749202844321", "--param", "bar=1m", "--param", "window=20", "--feature-set", "microstructure@3", "--code-version", "git:0123456789abcdef0123456789abcdef01234567");

        Assert.True(exit == 0, error);
        Assert.Equal(
            "outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: bars\n" +
            "meta:\n  lineage:\n    inputs:\n    - silver.ticks@5928164749202844321\n    code_version: git:0123456789abcdef0123456789abcdef01234567\n" +
            "    parameters:\n      bar: 1m\n      window: '20'\n    feature_set:\n      name: microstructure\n      version: '3'\n",
            File.ReadAllText(Path.Combine(data, "gold", "bars.dvc")));
    }

    [Fact]
    public async Task Add_BadLineageOptions_ExitThreeEveryProblemNamed()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var bars = WriteBars(data);

        var (exit, error) = await CliRunner.RunAsync("dataset", "add", bars, "--data", data, "--input", "silver.ticks", "--param", "novalue", "--feature-set", "x");

        Assert.Equal(3, exit);
        Assert.Contains("--input:", error, StringComparison.Ordinal);
        Assert.Contains("--param: expected key=value, actual 'novalue'", error, StringComparison.Ordinal);
        Assert.Contains("--feature-set: expected name@version, actual 'x'", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(data, "gold", "bars.dvc")));
    }

    [Fact]
    public async Task Push_NoRemote_ExitTwoNamingConfig()
    {
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var bars = WriteBars(data);
        await CliRunner.RunAsync("dataset", "add", bars, "--data", data);

        var (exit, error) = await CliRunner.RunAsync("dataset", "push", "--data", data);

        Assert.Equal(2, exit);
        Assert.StartsWith("error (NoRemote): ", error, StringComparison.Ordinal);
        Assert.Contains("core.remote", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushPull_S3Remote_FreshCloneRestored()
    {
        s3.Require();
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", S3rverFixture.AccessKey);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", S3rverFixture.AccessKey);
        using var dir = new TempDirectory();
        var data = dir.Combine("data");
        var bars = WriteBars(data);
        var prefix = "cli-dvc-" + Guid.NewGuid().ToString("N")[..8];
        var url = $"s3://{S3rverFixture.BucketName}/{prefix}";

        await CliRunner.RunAsync("dataset", "add", bars, "--data", data);
        var (remote, remoteOut, _) = await CliRunner.RunWithOutputAsync("dataset", "remote", "storage", url, "--endpoint", s3.Url, "--region", "us-east-1", "--data", data);
        var (pushed, pushOut, pushError) = await CliRunner.RunWithOutputAsync("dataset", "push", "--no-chunk-encoding", "--data", data);
        var clone = dir.Combine("clone");
        Directory.CreateDirectory(Path.Combine(clone, "gold"));
        Directory.CreateDirectory(Path.Combine(clone, ".dvc"));
        File.Copy(Path.Combine(data, "gold", "bars.dvc"), Path.Combine(clone, "gold", "bars.dvc"));
        File.Copy(Path.Combine(data, ".dvc", "config"), Path.Combine(clone, ".dvc", "config"));
        var (pulled, pullOut, pullError) = await CliRunner.RunWithOutputAsync("dataset", "pull", Path.Combine(clone, "gold", "bars"), "--no-chunk-encoding", "--repo", clone);

        Assert.Equal(0, remote);
        Assert.Equal($".dvc/config: remote storage = {url}\n", remoteOut);
        Assert.True(pushed == 0, pushError);
        Assert.Equal($"{url}/: 3 object(s), 3 pushed, 0 already there, 132 bytes\n", pushOut);
        using var store = s3.Store(prefix);
        Assert.NotNull(await store.HeadAsync("files/md5/5e/a40360f5b4ec688df672a4db9c17d1.dir", TestContext.Current.CancellationToken));
        Assert.True(pulled == 0, pullError);
        Assert.Equal($"{url}/: 3 object(s), 3 fetched, 0 already cached, 132 bytes\ncheckout: 2 file(s) restored (6 bytes), 0 unchanged, 0 deleted\n", pullOut);
        Assert.Equal("foo", File.ReadAllText(Path.Combine(clone, "gold", "bars", "foo")));
        Assert.Equal("bar", File.ReadAllText(Path.Combine(clone, "gold", "bars", "bar")));
    }
}

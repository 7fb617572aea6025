using TickKernelExtensions.Datasets;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>Push and pull against a real S3-compatible server (s3rver on loopback), configured through .dvc/config.</summary>
[Collection(S3Collection.Name)]
public sealed class DvcRemoteS3Tests(S3rverFixture s3)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // s3rver stores aws-chunked framing as bytes (environment notes): chunk encoding off, as for the replication tests.
    private static DatasetOptions Options() => new() { S3 = new S3ObjectStoreOptions { UseChunkEncoding = false, MaxErrorRetry = 0 } };

    private (DatasetRepo Repo, string Prefix) NewRepo()
    {
        s3.Require();
        var repo = new DatasetRepo(Options());
        var prefix = "dvc-" + Guid.NewGuid().ToString("N")[..10];
        ConfigureRemote(repo, prefix);
        return (repo, prefix);
    }

    private void ConfigureRemote(DatasetRepo repo, string prefix)
    {
        repo.Repository.SetRemote("storage", $"s3://{S3rverFixture.BucketName}/{prefix}", new Dictionary<string, string> { ["endpointurl"] = s3.Url, ["region"] = "us-east-1" });
        repo.Repository.SetRemote("storage", "", new Dictionary<string, string> { ["access_key_id"] = S3rverFixture.AccessKey, ["secret_access_key"] = S3rverFixture.AccessKey }, makeDefault: false, local: true);
    }

    [Fact]
    public async Task Push_Directory_ObjectsAtDvcRemoteKeysByteForByte_SecondPushSendsNothing()
    {
        var (repo, prefix) = NewRepo();
        using var _ = repo;
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var first = await repo.Repository.PushAsync(cancellationToken: Ct);
        var second = await repo.Repository.PushAsync(cancellationToken: Ct);

        Assert.Equal((3, 3, 0), (first.Objects, first.Transferred, first.AlreadyThere));
        Assert.Equal((3, 0, 3), (second.Objects, second.Transferred, second.AlreadyThere));
        using var store = s3.Store(prefix);
        var keys = new List<string>();
        await foreach (var o in store.ListAsync("", Ct))
        {
            keys.Add(o.Key);
        }
        Assert.Equal(["files/md5/37/b51d194a7513e45b56f6524f2d51f2", "files/md5/5e/a40360f5b4ec688df672a4db9c17d1.dir", "files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8"], keys);
        await using var foo = await store.OpenReadAsync("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", null, Ct);
        Assert.Equal("foo", await new StreamReader(foo).ReadToEndAsync(Ct));
        Assert.Equal("[core]\n    no_scm = true\n    remote = storage\n['remote \"storage\"']\n    url = s3://tick-test/" + prefix + "\n    endpointurl = " + s3.Url + "\n    region = us-east-1\n", repo.Read(".dvc/config"));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Pull_FreshClone_RestoresWorkspaceAndCacheReadOnly()
    {
        var (repo, prefix) = NewRepo();
        using var _ = repo;
        var big = new byte[3 << 20];
        new Random(3).NextBytes(big);
        repo.Write("gold/bars/big.bin", big);
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        await repo.Repository.PushAsync(cancellationToken: Ct);
        using var clone = new DatasetRepo(Options());
        File.Copy(repo.PathOf("gold/bars.dvc"), clone.Write("gold/bars.dvc", ""), overwrite: true);
        ConfigureRemote(clone, prefix);

        var pulled = await clone.Repository.PullAsync(cancellationToken: Ct);
        var again = await clone.Repository.PullAsync(cancellationToken: Ct);

        Assert.Equal(4, pulled.Transferred);
        Assert.Equal(3, pulled.Checkout!.FilesWritten);
        Assert.Equal(big, File.ReadAllBytes(clone.PathOf("gold/bars/big.bin")));
        Assert.Equal("foo", clone.Read("gold/bars/foo"));
        Assert.Equal((0, 3), (again.Transferred, again.Checkout!.FilesUnchanged));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(clone.Repository.Cache.PathOf(clone.Repository.ReadDvcFile(clone.PathOf("gold/bars")).Outs[0].Md5)));
        Assert.True((await clone.Repository.StatusAsync(cancellationToken: Ct)).IsClean);
    }

    [Fact]
    public async Task Push_LargeObjectInParts_ByteForByteOnRemoteAndPulledBack()
    {
        var (repo, prefix) = NewRepo();
        using var _ = repo;
        var big = new byte[(11 << 20) + 123]; // three parts of 5 MiB, 5 MiB and the rest
        new Random(5).NextBytes(big);
        var path = repo.Write("gold/big.bin", big);
        await repo.Repository.AddAsync(path, cancellationToken: Ct);
        var options = Options() with { MultipartThreshold = 6L << 20, PartSize = 5 << 20 };

        var pushed = await DvcRepository.Open(repo.Root, options).PushAsync(cancellationToken: Ct);

        Assert.Equal(1, pushed.Transferred);
        using var store = s3.Store(prefix);
        var md5 = repo.Repository.ReadDvcFile(path).Outs[0].Md5;
        await using (var stream = await store.OpenReadAsync(DvcCache.RemoteKey(md5), null, Ct))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            Assert.Equal(big, copy.ToArray());
        }
        using var clone = new DatasetRepo(Options());
        File.Copy(repo.PathOf("gold/big.bin.dvc"), clone.Write("gold/big.bin.dvc", ""), overwrite: true);
        ConfigureRemote(clone, prefix);
        await clone.Repository.PullAsync(cancellationToken: Ct);
        Assert.Equal(big, File.ReadAllBytes(clone.PathOf("gold/big.bin")));
    }

    [Fact]
    public async Task Push_CorruptedCacheObject_NamedAndNotUploaded()
    {
        var (repo, prefix) = NewRepo();
        using var _ = repo;
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        var obj = repo.PathOf(".dvc/cache/files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8");
        DatasetRepo.Corrupt(obj, "fox");

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.PushAsync(cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.CorruptCache, e.Kind);
        Assert.Equal(obj, e.File);
        Assert.Equal("acbd18db4cc2f85cedef654fccc4a4d8", e.Expected);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("fox"u8)), e.Actual);
        using var store = s3.Store(prefix);
        Assert.Null(await store.HeadAsync("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", Ct));
    }

    [Fact]
    public async Task Pull_CorruptedRemoteObject_NamedAndNotCached()
    {
        var (repo, prefix) = NewRepo();
        using var _ = repo;
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);
        await repo.Repository.PushAsync(cancellationToken: Ct);
        using (var store = s3.Store(prefix))
        {
            await store.PutAsync("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", new MemoryStream("fox"u8.ToArray()), null, Ct);
        }
        using var clone = new DatasetRepo(Options());
        File.Copy(repo.PathOf("gold/bars.dvc"), clone.Write("gold/bars.dvc", ""), overwrite: true);
        ConfigureRemote(clone, prefix);

        var e = await Assert.ThrowsAsync<DatasetException>(() => clone.Repository.PullAsync(cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.CorruptRemote, e.Kind);
        Assert.EndsWith("files/md5/ac/bd18db4cc2f85cedef654fccc4a4d8", e.File, StringComparison.Ordinal);
        Assert.False(clone.Repository.Cache.Contains("acbd18db4cc2f85cedef654fccc4a4d8"));
    }

    [Fact]
    public async Task Push_NoRemoteConfigured_NoRemoteNamingConfig()
    {
        using var repo = new DatasetRepo();
        var bars = repo.WriteBars();
        await repo.Repository.AddAsync(bars, cancellationToken: Ct);

        var e = await Assert.ThrowsAsync<DatasetException>(() => repo.Repository.PushAsync(cancellationToken: Ct));

        Assert.Equal(DatasetErrorKind.NoRemote, e.Kind);
        Assert.Equal("core.remote", e.Field);
    }
}

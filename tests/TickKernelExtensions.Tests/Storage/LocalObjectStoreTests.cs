using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Storage;

public sealed class LocalObjectStoreTests : ObjectStoreContractTests, IDisposable
{
    private readonly TempDirectory _dir = new();

    protected override IObjectStore CreateStore() => new LocalObjectStore(_dir.Combine("store-" + Guid.NewGuid().ToString("N")));

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Put_LeavesNoTemporaryFiles_AndKeyIsPlainFile()
    {
        using var store = new LocalObjectStore(_dir.Combine("plain"));

        await store.PutAsync("x/y.bin", new MemoryStream([1, 2, 3]), null, TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3], File.ReadAllBytes(_dir.Combine("plain", "x", "y.bin")));
        Assert.Empty(Directory.GetFiles(_dir.Combine("plain", "x"), "*.tmp"));
    }

    [Fact]
    public async Task List_SkipsHiddenTemporaryAndMetadataFiles()
    {
        using var store = new LocalObjectStore(_dir.Combine("hidden"));
        await store.PutAsync("a.bin", new MemoryStream([1]), null, TestContext.Current.CancellationToken);
        File.WriteAllBytes(_dir.Combine("hidden", ".a.bin.123.tmp"), [9]);

        var keys = await store.ListAsync("", TestContext.Current.CancellationToken).Select(o => o.Key).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a.bin"], keys);
    }

    [Fact]
    public async Task Head_FileReplacedBehindTheStore_Sha256Unknown()
    {
        using var store = new LocalObjectStore(_dir.Combine("stale"));
        await store.PutAsync("a.bin", new MemoryStream([1, 2, 3]), null, TestContext.Current.CancellationToken);
        File.WriteAllBytes(_dir.Combine("stale", "a.bin"), [1, 2, 3, 4]);

        var head = await store.HeadAsync("a.bin", TestContext.Current.CancellationToken);

        Assert.Equal(4, head!.Size);
        Assert.Null(head.Sha256);
    }

    [Fact]
    public async Task Head_SameSizeBytesReplacedBehindTheStore_Sha256Unknown()
    {
        using var store = new LocalObjectStore(_dir.Combine("same-size"));
        await store.PutAsync("a.bin", new MemoryStream([1, 2, 3]), null, TestContext.Current.CancellationToken);
        var path = _dir.Combine("same-size", "a.bin");
        var before = File.GetLastWriteTimeUtc(path);
        File.WriteAllBytes(path, [7, 8, 9]);
        File.SetLastWriteTimeUtc(path, before.AddSeconds(1));

        var head = await store.HeadAsync("a.bin", TestContext.Current.CancellationToken);

        Assert.Equal(3, head!.Size);
        Assert.Null(head.Sha256);
    }

    [Fact]
    public void PathOf_DotSegment_Reserved()
    {
        using var store = new LocalObjectStore(_dir.Path);

        var e = Assert.Throws<ObjectStoreException>(() => store.PathOf(".objectmeta/a.json"));

        Assert.Equal(ObjectStoreErrorKind.InvalidKey, e.Kind);
    }
}

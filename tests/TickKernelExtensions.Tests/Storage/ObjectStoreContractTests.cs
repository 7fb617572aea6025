using System.Security.Cryptography;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Storage;

/// <summary>What every <see cref="IObjectStore"/> must do; each store's test class inherits these.</summary>
public abstract class ObjectStoreContractTests
{
    /// <summary>A store rooted at a fresh, empty location.</summary>
    protected abstract IObjectStore CreateStore();

    protected static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    protected static async Task<byte[]> ReadAll(IObjectStore store, string key, ObjectRange? range = null)
    {
        await using var stream = await store.OpenReadAsync(key, range, TestContext.Current.CancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, TestContext.Current.CancellationToken);
        return copy.ToArray();
    }

    [Fact]
    public async Task Put_ThenRead_SameBytesAndSha256Metadata()
    {
        using var store = CreateStore();
        var bytes = RandomBytes(100_000, 1);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));

        var put = await store.PutAsync("a/b/c.bin", new MemoryStream(bytes), new PutOptions { Sha256 = sha, Metadata = new Dictionary<string, string> { ["source"] = "test" } }, TestContext.Current.CancellationToken);

        Assert.Equal(bytes.Length, put.Size);
        Assert.Equal(bytes, await ReadAll(store, "a/b/c.bin"));
        var head = await store.HeadAsync("a/b/c.bin", TestContext.Current.CancellationToken);
        Assert.NotNull(head);
        Assert.Equal(bytes.Length, head.Size);
        Assert.Equal(sha, head.Sha256);
        Assert.Equal("test", head.Metadata["source"]);
    }

    [Fact]
    public async Task Put_StatedSha256Wrong_IntegrityMismatchAndNothingStored()
    {
        using var store = CreateStore();
        var bytes = RandomBytes(1000, 2);

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync("x.bin", new MemoryStream(bytes), new PutOptions { Sha256 = new string('0', 64) }, TestContext.Current.CancellationToken));

        Assert.Equal(ObjectStoreErrorKind.IntegrityMismatch, e.Kind);
        Assert.Contains("x.bin", e.Message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), e.Message, StringComparison.Ordinal);
        Assert.Null(await store.HeadAsync("x.bin", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Put_Twice_SecondReplacesFirst()
    {
        using var store = CreateStore();
        await store.PutAsync("k", new MemoryStream(RandomBytes(500, 3)), null, TestContext.Current.CancellationToken);
        var second = RandomBytes(300, 4);

        await store.PutAsync("k", new MemoryStream(second), null, TestContext.Current.CancellationToken);

        Assert.Equal(second, await ReadAll(store, "k"));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(second)), (await store.HeadAsync("k", TestContext.Current.CancellationToken))!.Sha256);
    }

    [Fact]
    public async Task OpenRead_Range_ReturnsThatSlice()
    {
        using var store = CreateStore();
        var bytes = RandomBytes(10_000, 5);
        await store.PutAsync("r.bin", new MemoryStream(bytes), null, TestContext.Current.CancellationToken);

        Assert.Equal(bytes[1000..1500], await ReadAll(store, "r.bin", new ObjectRange(1000, 500)));
        Assert.Equal(bytes[9000..], await ReadAll(store, "r.bin", new ObjectRange(9000)));
    }

    [Fact]
    public async Task List_Prefix_KeysRelativeToRootInOrdinalOrder()
    {
        using var store = CreateStore();
        foreach (var key in new[] { "b/2.bin", "a/1.bin", "b/1.bin", "bz.bin" })
        {
            await store.PutAsync(key, new MemoryStream(RandomBytes(10, key.Length)), null, TestContext.Current.CancellationToken);
        }

        var all = await store.ListAsync("", TestContext.Current.CancellationToken).Select(o => o.Key).ToListAsync(TestContext.Current.CancellationToken);
        var underB = await store.ListAsync("b/", TestContext.Current.CancellationToken).Select(o => o.Key).ToListAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["a/1.bin", "b/1.bin", "b/2.bin", "bz.bin"], all);
        Assert.Equal(["b/1.bin", "b/2.bin"], underB);
    }

    [Fact]
    public async Task Head_Missing_Null_AndOpenRead_Missing_NotFoundNamingKey()
    {
        using var store = CreateStore();
        await store.EnsureAvailableAsync(TestContext.Current.CancellationToken);

        Assert.Null(await store.HeadAsync("missing/file.bin", TestContext.Current.CancellationToken));
        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => store.OpenReadAsync("missing/file.bin", null, TestContext.Current.CancellationToken));
        Assert.Equal(ObjectStoreErrorKind.NotFound, e.Kind);
        Assert.Contains("missing/file.bin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_RemovesObject_AndMissingIsNoError()
    {
        using var store = CreateStore();
        await store.PutAsync("d.bin", new MemoryStream([1, 2, 3]), null, TestContext.Current.CancellationToken);

        await store.DeleteAsync("d.bin", TestContext.Current.CancellationToken);
        await store.DeleteAsync("d.bin", TestContext.Current.CancellationToken);

        Assert.Null(await store.HeadAsync("d.bin", TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/abs")]
    [InlineData("a/../b")]
    [InlineData("a//b")]
    [InlineData("a\\b")]
    public async Task Put_InvalidKey_InvalidKeyError(string key)
    {
        using var store = CreateStore();

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => store.PutAsync(key, new MemoryStream([1]), null, TestContext.Current.CancellationToken));

        Assert.Equal(ObjectStoreErrorKind.InvalidKey, e.Kind);
    }
}

using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>The read cache's rules without a server: layout, length checks, pass-through of local files.</summary>
public sealed class CachingIcebergFileIOTests : IDisposable
{
    private readonly TempDirectory _cache = new();
    private int _opens;

    private CachingIcebergFileIO Io(Func<string, Stream> open) =>
        new(new DelegateIcebergFileIO(l => { Interlocked.Increment(ref _opens); return open(l); }), new IcebergFileCacheOptions { Directory = _cache.Path });

    [Theory]
    [InlineData("s3://lake/wh/t/data/a.parquet")]
    [InlineData("s3a://lake/wh/t/data/a.parquet")]
    [InlineData("s3n://lake/wh/t/data/a.parquet")]
    public void CachePath_AnyS3Spelling_IsSchemeS3BucketAndKey(string location)
    {
        var io = Io(_ => new MemoryStream());

        Assert.Equal(Path.Combine(_cache.Path, "s3", "lake", "wh", "t", "data", "a.parquet"), io.CachePath(location));
    }

    [Theory]
    [InlineData("s3://lake/wh/../../etc/passwd")]
    [InlineData("s3://lake/wh//a.parquet")]
    [InlineData("s3://lake/")]
    public void CachePath_KeyThatIsNotARelativePath_IsRefusedNamingTheLocation(string location)
    {
        var e = Assert.Throws<IcebergException>(() => Io(_ => new MemoryStream()).CachePath(location));

        Assert.Equal(location, e.File);
    }

    [Fact]
    public void LocalPath_Twice_OpensTheRemoteFileOnce()
    {
        var io = Io(_ => new MemoryStream([1, 2, 3]));

        var first = io.LocalPath("s3://lake/a.parquet", 3);
        var second = io.LocalPath("s3://lake/a.parquet", 3);

        Assert.Equal(first, second);
        Assert.Equal([1, 2, 3], File.ReadAllBytes(first!));
        Assert.Equal(1, _opens);
        Assert.Equal((1, 1), (io.Downloads, io.Hits));
    }

    [Fact]
    public void LocalPath_ResponseShorterThanManifest_ThrowsSizeMismatchAndLeavesNoFile()
    {
        var io = Io(_ => new MemoryStream([1, 2, 3]));

        var e = Assert.Throws<IcebergException>(() => io.LocalPath("s3://lake/a.parquet", 5));

        Assert.Equal(IcebergErrorKind.FileSizeMismatch, e.Kind);
        Assert.Equal(("s3://lake/a.parquet", "file_size_in_bytes", "5 bytes", "3 bytes"), (e.File, e.Field, e.Expected, e.Actual));
        Assert.Empty(Directory.GetFiles(_cache.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void LocalPath_LocalLocation_PassesThroughWithoutCaching()
    {
        using var remote = new S3IcebergFileIO();
        var io = new CachingIcebergFileIO(remote, new IcebergFileCacheOptions { Directory = _cache.Path });

        Assert.Equal("/data/lake/a.parquet", io.LocalPath("file:/data/lake/a.parquet", 10));
        Assert.Null(io.CachePath("file:/data/lake/a.parquet"));
        Assert.Equal(0, io.Downloads);
    }

    public void Dispose() => _cache.Dispose();
}

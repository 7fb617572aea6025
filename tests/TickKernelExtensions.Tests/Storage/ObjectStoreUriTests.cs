using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Storage;

public sealed class ObjectStoreUriTests
{
    [Fact]
    public void Parse_S3_BucketAndNormalisedPrefix()
    {
        var uri = ObjectStoreUri.Parse("s3://tick-lake/raw/zone");

        Assert.True(uri.IsS3);
        Assert.Equal("tick-lake", uri.Bucket);
        Assert.Equal("raw/zone/", uri.Prefix);
        Assert.Equal("s3://tick-lake/raw/zone/", uri.ToString());
    }

    [Fact]
    public void Parse_S3BucketOnly_EmptyPrefix() => Assert.Equal("", ObjectStoreUri.Parse("s3://tick-lake").Prefix);

    [Fact]
    public void Parse_LocalPathAndFileUri_SameFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "some", "folder");

        Assert.Equal(Path.GetFullPath(path), ObjectStoreUri.Parse(path).LocalPath);
        Assert.Equal(Path.GetFullPath(path), ObjectStoreUri.Parse(new Uri(path).AbsoluteUri).LocalPath);
    }

    [Theory]
    [InlineData("s3://UPPER/x", "Bucket")]
    [InlineData("s3://ab/x", "Bucket")]
    [InlineData("gs://bucket/x", "unsupported scheme")]
    public void Parse_Bad_InvalidConfigurationNamingTheProblem(string location, string expected)
    {
        var e = Assert.Throws<ObjectStoreException>(() => ObjectStoreUri.Parse(location));

        Assert.Equal(ObjectStoreErrorKind.InvalidConfiguration, e.Kind);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralBadFields_AllReportedAtOnce()
    {
        var e = Assert.Throws<ObjectStoreException>(() => new S3ObjectStoreOptions { Bucket = "x", ServiceUrl = "ftp://h", AccessKey = "a", MaxErrorRetry = -1 }.Validate());

        Assert.Contains("Bucket", e.Message, StringComparison.Ordinal);
        Assert.Contains("ServiceUrl", e.Message, StringComparison.Ordinal);
        Assert.Contains("AccessKey/SecretKey", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxErrorRetry", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_S3Location_StoreAtThatBucketAndPrefix()
    {
        using var store = ObjectStores.Open("s3://tick-lake/raw", new S3ObjectStoreOptions { ServiceUrl = "http://127.0.0.1:1", AccessKey = "a", SecretKey = "b" });

        Assert.Equal("s3://tick-lake/raw/", store.Location.ToString());
        Assert.IsType<S3ObjectStore>(store);
    }

    [Fact]
    public void Open_LocalPath_LocalStoreAtThatFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "replica");

        using var store = ObjectStores.Open(path);

        Assert.Equal(Path.GetFullPath(path), Assert.IsType<LocalObjectStore>(store).Root);
    }
}

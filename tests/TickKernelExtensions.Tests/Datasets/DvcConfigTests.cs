using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>.dvc/config in DVC's configobj dialect (tracking-versioning.md §4.5).</summary>
public sealed class DvcConfigTests
{
    private const string DvcTestConfig = "[core]\n    no_scm = true\n    analytics = False\n    remote = myremote\n['remote \"myremote\"']\n    url = s3://bucket/path\n    region = us-east-2\n";

    [Fact]
    public void Parse_DvcTestConfig_DefaultRemoteWithUrlAndRegion()
    {
        var config = DvcConfig.Parse(DvcTestConfig, "config");

        var remote = config.Remote()!;
        Assert.Equal("myremote", remote.Name);
        Assert.Equal("s3://bucket/path", remote.Url);
        Assert.Equal("us-east-2", remote.Settings["region"]);
        Assert.Equal("true", config.Get("core", "no_scm"));
    }

    [Fact]
    public void ToIni_ParsedDvcTestConfig_SameBytes()
    {
        Assert.Equal(DvcTestConfig, DvcConfig.Parse(DvcTestConfig, "config").ToIni());
    }

    [Fact]
    public void Parse_UnquotedHeaderAndComments_Read()
    {
        var config = DvcConfig.Parse("# mine\n[remote \"s\"]\n    url = \"/mnt/store\"\n; done\n", "config");

        Assert.Equal("/mnt/store", config.Remote("s")!.Url);
        Assert.Null(config.Remote());
    }

    [Fact]
    public void Parse_KeyOutsideSection_InvalidFormatNamingLine()
    {
        var e = Assert.Throws<DatasetException>(() => DvcConfig.Parse("url = x\n", ".dvc/config"));

        Assert.Equal(DatasetErrorKind.InvalidFormat, e.Kind);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.StartsWith(".dvc/config: ", e.Message, StringComparison.Ordinal);
    }
}

using System.Text;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>Directory manifests byte for byte as dvc-data's <c>json.dumps(..., sort_keys=True)</c> (tracking-versioning.md §4.4).</summary>
public sealed class DirManifestTests
{
    private static DirEntry Entry(string rel, string content) => new(rel, Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(content))), content.Length);

    [Fact]
    public void Create_BarFoo_BytesAndHashOfDvcTestVector()
    {
        var manifest = DirManifest.Create([Entry("foo", "foo"), Entry("bar", "bar")]);

        Assert.Equal("[{\"md5\": \"37b51d194a7513e45b56f6524f2d51f2\", \"relpath\": \"bar\"}, {\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"foo\"}]",
            Encoding.ASCII.GetString(manifest.Bytes));
        Assert.Equal("5ea40360f5b4ec688df672a4db9c17d1.dir", manifest.Md5);
        Assert.Equal(6, manifest.Size);
        Assert.Equal(2, manifest.Entries.Count);
    }

    [Fact]
    public void Create_MasterOneTwo_HashOfDvcTestVector()
    {
        var manifest = DirManifest.Create([Entry("two", "two"), Entry("master", "master"), Entry("one", "one")]);

        Assert.Equal("839ef9371606817569c1ee0e5f4ed233.dir", manifest.Md5);
        Assert.Equal(12, manifest.Size);
        Assert.Equal(["master", "one", "two"], manifest.Entries.Select(e => e.RelPath));
    }

    [Fact]
    public void Create_NonAsciiAndControlCharacters_EscapedAsPythonEnsureAscii()
    {
        const string md5 = "acbd18db4cc2f85cedef654fccc4a4d8";
        var manifest = DirManifest.Create([new DirEntry("d\u00e9j\u00e0/\"q\"\\t\u0001\u007f\U0001F600.csv", md5)]);

        // json.dumps([{"relpath": 'déjà/"q"\\t\x01\x7f😀.csv', "md5": md5}], sort_keys=True)
        Assert.Equal("[{\"md5\": \"acbd18db4cc2f85cedef654fccc4a4d8\", \"relpath\": \"d\\u00e9j\\u00e0/\\\"q\\\"\\\\t\\u0001\\u007f\\ud83d\\ude00.csv\"}]",
            Encoding.ASCII.GetString(manifest.Bytes));
    }

    [Fact]
    public void Create_AstralAgainstPrivateUse_SortedByCodePointAsPython()
    {
        const string md5 = "acbd18db4cc2f85cedef654fccc4a4d8";
        // U+1F600 (surrogates D83D DE00) sorts after U+FF01 in Python; ordinal UTF-16 would put it first.
        var manifest = DirManifest.Create([new DirEntry("\U0001F600", md5), new DirEntry("\uFF01", md5), new DirEntry("a/b", md5), new DirEntry("a.b", md5)]);

        Assert.Equal(["a.b", "a/b", "\uFF01", "\U0001F600"], manifest.Entries.Select(e => e.RelPath));
    }

    [Fact]
    public void Create_Empty_IsEmptyJsonArray()
    {
        var manifest = DirManifest.Create([]);

        Assert.Equal("[]", Encoding.ASCII.GetString(manifest.Bytes));
        Assert.Equal("d751713988987e9331980363e24189ce.dir", manifest.Md5);
    }

    [Fact]
    public void Parse_WrittenManifest_SameEntriesAndHash()
    {
        var written = DirManifest.Create([Entry("foo", "foo"), Entry("sub/bar", "bar")]);

        var read = DirManifest.Parse(written.Bytes, "x.dir");

        Assert.Equal(written.Md5, read.Md5);
        Assert.Equal(written.Entries.Select(e => (e.RelPath, e.Md5)), read.Entries.Select(e => (e.RelPath, e.Md5)));
    }

    [Fact]
    public void Parse_NotAManifest_InvalidFormatNamingFileAndField()
    {
        var e = Assert.Throws<DatasetException>(() => DirManifest.Parse("[{\"md5\": 1}]"u8, "cache/ab/cd.dir"));

        Assert.Equal(DatasetErrorKind.InvalidFormat, e.Kind);
        Assert.Contains("cache/ab/cd.dir", e.Message, StringComparison.Ordinal);
        Assert.Equal("[0]", e.Field);
    }
}

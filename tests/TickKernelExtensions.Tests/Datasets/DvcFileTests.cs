using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>.dvc files exactly as DVC 3 writes them (tracking-versioning.md §4.1), plus lineage under meta.</summary>
public sealed class DvcFileTests
{
    [Fact]
    public void ToYaml_DirectoryOutput_ExactlyDvcTestInstallFile()
    {
        var file = new DvcFile([new DvcOutput("data", "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2)], null);

        Assert.Equal("outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: data\n", file.ToYaml());
    }

    [Fact]
    public void ToYaml_FileOutput_NoNFiles()
    {
        var file = new DvcFile([new DvcOutput("foo", "acbd18db4cc2f85cedef654fccc4a4d8", 3, null)], null);

        Assert.Equal("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\n  path: foo\n", file.ToYaml());
    }

    [Fact]
    public void ToYaml_Lineage_UnderMetaAndReadBack()
    {
        var lineage = new DatasetLineage
        {
            Inputs = [InputSnapshot.Parse("silver.ticks@5928164749202844321"), new InputSnapshot("bronze.ticks", "17")],
            CodeVersion = "git:0123456789abcdef0123456789abcdef01234567",
            Parameters = new Dictionary<string, string> { ["window"] = "20", ["bar"] = "1m", ["note"] = "it's: #1" },
            FeatureSet = new FeatureSetVersion("microstructure", "3"),
        };
        var file = new DvcFile([new DvcOutput("bars", "5ea40360f5b4ec688df672a4db9c17d1.dir", 6, 2)], lineage);

        var yaml = file.ToYaml();
        var read = DvcFile.Parse(yaml, "bars.dvc");

        Assert.Equal(
            "outs:\n- md5: 5ea40360f5b4ec688df672a4db9c17d1.dir\n  size: 6\n  nfiles: 2\n  hash: md5\n  path: bars\n" +
            "meta:\n  lineage:\n    inputs:\n    - silver.ticks@5928164749202844321\n    - bronze.ticks@17\n" +
            "    code_version: git:0123456789abcdef0123456789abcdef01234567\n" +
            "    parameters:\n      bar: 1m\n      note: 'it''s: #1'\n      window: '20'\n" +
            "    feature_set:\n      name: microstructure\n      version: '3'\n", yaml);
        Assert.Equal(file.Outs, read.Outs);
        var l = read.Lineage!;
        Assert.Equal(lineage.Inputs, l.Inputs);
        Assert.Equal(lineage.CodeVersion, l.CodeVersion);
        Assert.Equal(lineage.Parameters.OrderBy(p => p.Key), l.Parameters.OrderBy(p => p.Key));
        Assert.Equal(lineage.FeatureSet, l.FeatureSet);
    }

    [Fact]
    public void ToYaml_NumberLikeMd5_QuotedSoYamlReadsAString()
    {
        var file = new DvcFile([new DvcOutput("x", "12345678901234567890123456789e12", 1, null)], null);

        Assert.Contains("- md5: '12345678901234567890123456789e12'\n", file.ToYaml(), StringComparison.Ordinal);
        Assert.Equal("12345678901234567890123456789e12", DvcFile.Parse(file.ToYaml(), "x.dvc").Outs[0].Md5);
    }

    [Theory]
    [InlineData("1:30", "'1:30'")]
    [InlineData("a: b", "'a: b'")]
    [InlineData("key:", "'key:'")]
    [InlineData("yes", "'yes'")]
    [InlineData("2024-03-04", "'2024-03-04'")]
    [InlineData("0x1f", "'0x1f'")]
    [InlineData("@x", "'@x'")]
    [InlineData("back\\slash", "'back\\slash'")]
    [InlineData("s3://bucket/p", "s3://bucket/p")]
    public void ToYaml_AmbiguousParameterValues_QuotedAndReadBackVerbatim(string value, string written)
    {
        var file = new DvcFile([new DvcOutput("x", "acbd18db4cc2f85cedef654fccc4a4d8", 1, null)], new DatasetLineage { CodeVersion = "c", Parameters = new Dictionary<string, string> { ["p"] = value } });

        Assert.Contains($"      p: {written}\n", file.ToYaml(), StringComparison.Ordinal);
        Assert.Equal(value, DvcFile.Parse(file.ToYaml(), "x.dvc").Lineage!.Parameters["p"]);
    }

    [Fact]
    public void ToYaml_ControlCharacter_DoubleQuotedAndReadBack()
    {
        var file = new DvcFile([new DvcOutput("x", "acbd18db4cc2f85cedef654fccc4a4d8", 1, null)], new DatasetLineage { CodeVersion = "c", Parameters = new Dictionary<string, string> { ["p"] = "a\nb" } });

        Assert.Contains("      p: \"a\\nb\"\n", file.ToYaml(), StringComparison.Ordinal);
        Assert.Equal("a\nb", DvcFile.Parse(file.ToYaml(), "x.dvc").Lineage!.Parameters["p"]);
    }

    [Fact]
    public void Parse_DvcWrittenWithCommentsAndExtraKeys_Read()
    {
        const string text = "outs:\n- path: foo # out comment\n  desc: the foo\n  md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  hash: md5\nmeta:\n  name: 'John Doe'\n";

        var file = DvcFile.Parse(text, "foo.dvc");

        Assert.Equal(new DvcOutput("foo", "acbd18db4cc2f85cedef654fccc4a4d8", 3, null), Assert.Single(file.Outs));
        Assert.Null(file.Lineage);
    }

    [Fact]
    public void Parse_LegacyOutputWithoutHash_NotSupportedNamingField()
    {
        var e = Assert.Throws<DatasetException>(() => DvcFile.Parse("outs:\n- md5: acbd18db4cc2f85cedef654fccc4a4d8\n  size: 3\n  path: foo\n", "foo.dvc"));

        Assert.Equal(DatasetErrorKind.NotSupported, e.Kind);
        Assert.Equal("outs[0].hash", e.Field);
        Assert.Equal("md5", e.Expected);
        Assert.StartsWith("foo.dvc: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadMd5_InvalidFormatWithExpectedAndActual()
    {
        var e = Assert.Throws<DatasetException>(() => DvcFile.Parse("outs:\n- md5: xyz\n  hash: md5\n  path: foo\n", "foo.dvc"));

        Assert.Equal(DatasetErrorKind.InvalidFormat, e.Kind);
        Assert.Equal("outs[0].md5", e.Field);
        Assert.Equal("'xyz'", e.Actual);
    }
}

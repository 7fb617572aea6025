using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TickKernelExtensions.Datasets;

namespace TickKernelExtensions.Tests.Datasets;

/// <summary>Our manifest bytes and .dvc YAML checked against Python, the runtime DVC itself uses.</summary>
public sealed class PythonCrossCheckTests
{
    private const string DumpsScript = """
        import json, sys, hashlib
        entries = json.load(open(sys.argv[1], encoding="utf-8"))
        out = json.dumps(sorted(entries, key=lambda e: e["relpath"]), sort_keys=True).encode("utf-8")
        print(out.hex())
        print(hashlib.md5(out).hexdigest())
        """;

    private const string YamlScript = """
        import json, sys, yaml
        print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))
        """;

    [Fact]
    public void Manifest_TrickyNames_SameBytesAndMd5AsPythonJsonDumps()
    {
        var random = new Random(11);
        string[] names =
        [
            "EURUSD/2024/03/04.parquet", "a b/c d.csv", "quote\"d", "back\\slash", "tab\there", "new\nline", "\u0001ctl", "del\u007f",
            "d\u00e9j\u00e0 vu", "\u65e5\u672c/\u8a9e", "\uFF01bang", "\U0001F600/smile", "\uE000private", "z", "Z", "a.b", "a/b", "a-b", "_x", "~tilde",
        ];
        var entries = names.Select(n => new DirEntry(n, Convert.ToHexStringLower(RandomBytes(random, 16)))).ToList();
        using var dir = new TempDirectory();
        var input = dir.File("entries.json");
        File.WriteAllText(input, JsonSerializer.Serialize(entries.Select(e => new Dictionary<string, string> { ["md5"] = e.Md5, ["relpath"] = e.RelPath })), new UTF8Encoding(false));

        var lines = PythonReference.Run("json", DumpsScript, input).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var manifest = DirManifest.Create(entries);

        Assert.Equal(lines[0], Convert.ToHexStringLower(manifest.Bytes));
        Assert.Equal(lines[1] + ".dir", manifest.Md5);
    }

    [Fact]
    public void DvcFile_AmbiguousValues_PyYamlReadsTheSameStrings()
    {
        var parameters = new Dictionary<string, string>
        {
            ["int"] = "20", ["float"] = "1e5", ["dotted"] = "1.5", ["bool"] = "yes", ["off"] = "off", ["null"] = "null", ["tilde"] = "~",
            ["sexagesimal"] = "1:30", ["date"] = "2024-03-04", ["hex"] = "0x1f", ["colon"] = "a: b", ["hash"] = "a #b", ["quote"] = "it's",
            ["empty"] = "", ["space"] = " padded ", ["newline"] = "a\nb", ["unicode"] = "\u00e9\U0001F600", ["url"] = "s3://bucket/p", ["at"] = "@x",
        };
        var file = new DvcFile([new DvcOutput("bars 1m", "12345678901234567890123456789e12", 6, null)],
            new DatasetLineage { Inputs = [new InputSnapshot("silver.ticks", "5928164749202844321")], CodeVersion = "git:0123", Parameters = parameters, FeatureSet = new FeatureSetVersion("micro", "3") });
        using var dir = new TempDirectory();
        var path = dir.WriteText("bars.dvc", file.ToYaml());

        var read = JsonNode.Parse(PythonReference.Run("yaml", YamlScript, path))!;

        var output = read["outs"]![0]!;
        Assert.Equal("12345678901234567890123456789e12", output["md5"]!.GetValue<string>());
        Assert.Equal(6, output["size"]!.GetValue<int>());
        Assert.Equal("md5", output["hash"]!.GetValue<string>());
        Assert.Equal("bars 1m", output["path"]!.GetValue<string>());
        var lineage = read["meta"]!["lineage"]!;
        Assert.Equal("silver.ticks@5928164749202844321", lineage["inputs"]![0]!.GetValue<string>());
        Assert.Equal("3", lineage["feature_set"]!["version"]!.GetValue<string>());
        foreach (var (key, value) in parameters)
        {
            Assert.Equal(value, lineage["parameters"]![key]!.GetValue<string>());
        }
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}

using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace TickKernelExtensions.Datasets;

public sealed partial record DvcFile
{
    /// <summary>
    /// Reads a <c>.dvc</c> file's text (<paramref name="file"/> names it in errors). Outputs without <c>hash: md5</c>
    /// are DVC 2.x outputs hashed with <c>md5-dos2unix</c>; they are refused (<see cref="DatasetErrorKind.NotSupported"/>)
    /// rather than misread: <c>dvc cache migrate</c> and <c>dvc add</c> again make them DVC 3 outputs.
    /// </summary>
    public static DvcFile Parse(string text, string file)
    {
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            root = stream.Documents.Count == 1 && stream.Documents[0].RootNode is YamlMappingNode m
                ? m
                : throw Invalid(file, "$", "a YAML mapping with outs", stream.Documents.Count == 0 ? "an empty file" : "another YAML document");
        }
        catch (YamlException e)
        {
            throw new DatasetException(DatasetErrorKind.InvalidFormat, $"Not YAML: {e.Message}", e) { File = file };
        }
        if (Child(root, "outs") is not YamlSequenceNode outsNode || outsNode.Children.Count == 0)
        {
            throw Invalid(file, "outs", "a non-empty list of outputs", "none");
        }
        var outs = new List<DvcOutput>();
        for (var i = 0; i < outsNode.Children.Count; i++)
        {
            var field = $"outs[{i}]";
            if (outsNode.Children[i] is not YamlMappingNode o)
            {
                throw Invalid(file, field, "a mapping", outsNode.Children[i].NodeType.ToString());
            }
            var path = Scalar(o, "path") ?? throw Invalid(file, field + ".path", "the tracked path", "none");
            var hash = Scalar(o, "hash");
            if (hash != "md5")
            {
                throw new DatasetException(DatasetErrorKind.NotSupported,
                    "A DVC 2.x output (hashed as md5-dos2unix, stored in the legacy cache); run 'dvc cache migrate' or add it again to make it a DVC 3 output.")
                {
                    File = file, Field = field + ".hash", Expected = "md5", Actual = hash ?? "none",
                };
            }
            var md5 = Scalar(o, "md5") ?? throw Invalid(file, field + ".md5", "the output's MD5", "none");
            if (!IsMd5(md5))
            {
                throw Invalid(file, field + ".md5", "32 lower-case hex digits, with .dir for a directory", $"'{md5}'");
            }
            outs.Add(new DvcOutput(path, md5, Number(o, "size", file, field), (int?)Number(o, "nfiles", file, field)));
        }
        return new DvcFile(outs, Child(root, "meta") is YamlMappingNode meta && Child(meta, "lineage") is YamlMappingNode l ? ReadLineage(l, file) : null);
    }

    /// <summary>True for a DVC 3 object id: 32 lower-case hex digits, optionally followed by <c>.dir</c>.</summary>
    public static bool IsMd5(string value)
    {
        var hex = value.EndsWith(DirManifest.DirSuffix, StringComparison.Ordinal) ? value[..^DirManifest.DirSuffix.Length] : value;
        return hex.Length == 32 && hex.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
    }

    private static DatasetLineage ReadLineage(YamlMappingNode l, string file)
    {
        var inputs = Child(l, "inputs") is YamlSequenceNode s
            ? s.Children.Select(c => InputSnapshot.Parse((c as YamlScalarNode)?.Value ?? throw Invalid(file, "meta.lineage.inputs", "table@snapshot strings", c.NodeType.ToString()))).ToList()
            : [];
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(l, "parameters") is YamlMappingNode p)
        {
            foreach (var (k, v) in p.Children)
            {
                parameters[((YamlScalarNode)k).Value ?? ""] = (v as YamlScalarNode)?.Value ?? throw Invalid(file, "meta.lineage.parameters", "string values", v.NodeType.ToString());
            }
        }
        FeatureSetVersion? featureSet = null;
        if (Child(l, "feature_set") is YamlMappingNode fs)
        {
            featureSet = new FeatureSetVersion(Scalar(fs, "name") ?? "", Scalar(fs, "version") ?? "", Scalar(fs, "content_hash"));
        }
        return new DatasetLineage { Inputs = inputs, CodeVersion = Scalar(l, "code_version") ?? "", Parameters = parameters, FeatureSet = featureSet };
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    private static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    private static long? Number(YamlMappingNode node, string key, string file, string field)
    {
        var text = Scalar(node, key);
        if (text is null)
        {
            return null;
        }
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value <= (key == "nfiles" ? int.MaxValue : long.MaxValue)
            ? value
            : throw Invalid(file, $"{field}.{key}", "a non-negative integer", $"'{text}'");
    }

    private static DatasetException Invalid(string file, string field, string expected, string actual) =>
        new(DatasetErrorKind.InvalidFormat, "Not a DVC 3 .dvc file.") { File = file, Field = field, Expected = expected, Actual = actual };
}

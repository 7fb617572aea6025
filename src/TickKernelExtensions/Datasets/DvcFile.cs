using System.Globalization;
using System.Text;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// A <c>.dvc</c> file in DVC 3's layout. Written exactly as <c>dvc add</c> writes one (keys in <c>Output.dumpd</c>
/// order: <c>md5</c>, <c>size</c>, <c>nfiles</c>, <c>hash: md5</c>, <c>path</c>), followed by our lineage under the
/// top-level <c>meta</c> key, which DVC's schema accepts as any object and otherwise ignores:
/// <code>
/// outs:
/// - md5: 5ea40360f5b4ec688df672a4db9c17d1.dir
///   size: 6
///   nfiles: 2
///   hash: md5
///   path: data
/// meta:
///   lineage:
///     inputs:
///     - bronze.ticks@5928164749202844321
///     code_version: git:0123…
///     parameters:
///       bar: 1m
///     feature_set:
///       name: microstructure
///       version: '3'
///       content_hash: 9f2c…   (when known)
/// </code>
/// </summary>
public sealed partial record DvcFile(IReadOnlyList<DvcOutput> Outs, DatasetLineage? Lineage)
{
    /// <summary>The file name extension.</summary>
    public const string Extension = ".dvc";

    /// <summary>The file's text (LF line ends, a final newline), byte for byte what DVC writes for the outputs.</summary>
    public string ToYaml()
    {
        var b = new StringBuilder();
        b.Append("outs:\n");
        foreach (var o in Outs)
        {
            b.Append("- md5: ").Append(YamlScalar.Format(o.Md5)).Append('\n');
            if (o.Size is { } size)
            {
                b.Append("  size: ").Append(size.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            if (o.NFiles is { } nfiles)
            {
                b.Append("  nfiles: ").Append(nfiles.ToString(CultureInfo.InvariantCulture)).Append('\n');
            }
            b.Append("  hash: md5\n");
            b.Append("  path: ").Append(YamlScalar.Format(o.Path)).Append('\n');
        }
        if (Lineage is { } l)
        {
            b.Append("meta:\n  lineage:\n");
            b.Append("    inputs:").Append(l.Inputs.Count == 0 ? " []\n" : "\n");
            foreach (var input in l.Inputs)
            {
                b.Append("    - ").Append(YamlScalar.Format(input.ToString())).Append('\n');
            }
            b.Append("    code_version: ").Append(YamlScalar.Format(l.CodeVersion)).Append('\n');
            b.Append("    parameters:").Append(l.Parameters.Count == 0 ? " {}\n" : "\n");
            foreach (var (key, value) in l.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                b.Append("      ").Append(YamlScalar.Format(key)).Append(": ").Append(YamlScalar.Format(value)).Append('\n');
            }
            if (l.FeatureSet is { } fs)
            {
                b.Append("    feature_set:\n");
                b.Append("      name: ").Append(YamlScalar.Format(fs.Name)).Append('\n');
                b.Append("      version: ").Append(YamlScalar.Format(fs.Version)).Append('\n');
                if (fs.ContentHash is { } hash)
                {
                    b.Append("      content_hash: ").Append(YamlScalar.Format(hash)).Append('\n');
                }
            }
        }
        return b.ToString();
    }
}

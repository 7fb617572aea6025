using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>
/// Merges parameter values as papermill does, later sources winning: YAML files (<c>-f</c>, in
/// order), then YAML text (<c>-y</c>), then <c>-p name value</c> pairs. YAML values are scalars,
/// sequences of scalars, or null; their text is converted later, by the declared type.
/// </summary>
public static class ParameterSources
{
    /// <summary>The merged values by name, in the order the names were first given.</summary>
    /// <exception cref="NotebookException">A file cannot be read (<see cref="NotebookErrorKind.Io"/>) or the YAML is not a mapping of scalars and sequences (<see cref="NotebookErrorKind.Usage"/>).</exception>
    public static IReadOnlyList<RawParameter> Merge(IEnumerable<string> yamlFiles, IEnumerable<string> yamlTexts, IEnumerable<(string Name, string Value)> pairs)
    {
        var merged = new List<RawParameter>();
        foreach (var file in yamlFiles)
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                throw new NotebookException(NotebookErrorKind.Io, $"-f {file}: cannot read the parameters file: {e.Message}", e);
            }
            Add(merged, FromYaml(text, $"-f {file}"));
        }
        foreach (var text in yamlTexts)
        {
            Add(merged, FromYaml(text, "-y"));
        }
        Add(merged, pairs.Select(p => new RawParameter(p.Name, p.Value, null, "-p")));
        return merged;
    }

    /// <summary>The top-level mapping of a YAML document as raw parameters; an empty document gives none.</summary>
    public static IReadOnlyList<RawParameter> FromYaml(string text, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new NotebookException(NotebookErrorKind.Usage, $"{origin}: line {e.Start.Line}, column {e.Start.Column}: expected YAML, got text that does not parse ({e.Message})", e);
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            throw new NotebookException(NotebookErrorKind.Usage, $"{origin}: expected a YAML mapping of parameter names to values (name: value), got a {stream.Documents[0].RootNode.NodeType}");
        }
        var result = new List<RawParameter>();
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                throw new NotebookException(NotebookErrorKind.Usage, $"{origin}: line {keyNode.Start.Line}: expected a parameter name, got {keyNode}");
            }
            result.Add(valueNode switch
            {
                YamlScalarNode scalar => new RawParameter(name, IsNull(scalar) ? null : scalar.Value ?? "", null, origin),
                YamlSequenceNode sequence => new RawParameter(name, null, sequence.Children.Select(item => item switch
                {
                    YamlScalarNode s => IsNull(s) ? null : s.Value ?? "",
                    _ => throw new NotebookException(NotebookErrorKind.Usage,
                        $"{origin}: parameter '{name}', line {item.Start.Line}: expected a scalar in the list, got a {item.NodeType} (nested values are not supported)"),
                }).ToList(), origin),
                _ => throw new NotebookException(NotebookErrorKind.Usage,
                    $"{origin}: parameter '{name}', line {valueNode.Start.Line}: expected a scalar or a list, got a {valueNode.NodeType} (nested values are not supported)"),
            });
        }
        return result;
    }

    /// <summary>A YAML flow sequence given as a <c>-p</c> value, e.g. <c>[1, 2, 3]</c> or <c>["a,b", c]</c>.</summary>
    public static IReadOnlyList<string?> FlowSequence(string name, string text, string origin)
    {
        var parsed = FromYaml($"value: {text}", origin);
        return parsed[0].Items ?? throw new NotebookException(NotebookErrorKind.Usage,
            $"{origin}: parameter '{name}': expected a list such as [1, 2, 3], got \"{text}\"");
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    private static void Add(List<RawParameter> merged, IEnumerable<RawParameter> values)
    {
        foreach (var value in values)
        {
            var index = merged.FindIndex(p => p.Name == value.Name);
            if (index >= 0)
            {
                merged[index] = value;
            }
            else
            {
                merged.Add(value);
            }
        }
    }
}

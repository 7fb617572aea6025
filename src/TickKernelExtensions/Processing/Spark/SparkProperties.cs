namespace TickKernelExtensions.Processing.Spark;

/// <summary>Reads Spark's properties-file format (<c>spark-defaults.conf</c>): <c>key value</c> or <c>key=value</c> lines, <c>#</c> comments.</summary>
public static class SparkProperties
{
    /// <summary>The properties in file order; a later line overrides an earlier one with the same key, as in Spark.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }
            var split = line.IndexOfAny([' ', '\t', '=']);
            var key = split < 0 ? line : line[..split];
            var value = split < 0 ? "" : line[(split + 1)..].TrimStart(' ', '\t', '=').Trim();
            result.RemoveAll(p => p.Key == key);
            result.Add(new(key, value));
        }
        return result;
    }
}

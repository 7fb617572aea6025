using System.Text;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// DVC's configuration file (<c>.dvc/config</c>; secrets in the git-ignored <c>.dvc/config.local</c>), in the ini
/// dialect DVC writes through configobj:
/// <code>
/// [core]
///     remote = storage
/// ['remote "storage"']
///     url = s3://bucket/prefix
///     endpointurl = http://127.0.0.1:9000
/// </code>
/// Section headers are read with or without the outer quotes; comments (<c>#</c>, <c>;</c>) and blank lines are
/// dropped when a file is rewritten. Not thread safe.
/// </summary>
public sealed class DvcConfig
{
    private readonly List<(string Name, List<KeyValuePair<string, string>> Values)> _sections = [];

    /// <summary>The sections in file order, e.g. <c>core</c>, <c>remote "storage"</c>.</summary>
    public IEnumerable<string> Sections => _sections.Select(s => s.Name);

    /// <summary>The default remote's name (<c>core.remote</c>), when set.</summary>
    public string? DefaultRemote => Get("core", "remote");

    /// <summary>The names of the configured remotes.</summary>
    public IReadOnlyList<string> RemoteNames =>
        _sections.Where(s => s.Name.StartsWith("remote \"", StringComparison.Ordinal)).Select(s => s.Name[8..^1]).ToList();

    /// <summary>Parses a config file's text; <paramref name="file"/> names it in errors.</summary>
    public static DvcConfig Parse(string text, string file)
    {
        var config = new DvcConfig();
        List<KeyValuePair<string, string>>? current = null;
        var lineNumber = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNumber++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }
            if (line[0] == '[')
            {
                if (line[^1] != ']')
                {
                    throw Invalid(file, lineNumber, "a section header such as ['remote \"name\"']", line);
                }
                var name = line[1..^1].Trim();
                if (name.Length >= 2 && name[0] == '\'' && name[^1] == '\'')
                {
                    name = name[1..^1];
                }
                current = config.Section(name, create: true)!;
                continue;
            }
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || current is null)
            {
                throw Invalid(file, lineNumber, "key = value inside a section", line);
            }
            var value = line[(eq + 1)..].Trim();
            if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
            {
                value = value[1..^1];
            }
            Put(current, line[..eq].Trim().ToLowerInvariant(), value);
        }
        return config;
    }

    /// <summary>
    /// Reads <c>config</c> then <c>config.local</c> in <paramref name="dvcDirectory"/> (either may be missing); keys
    /// of the local file override the shared one.
    /// </summary>
    public static DvcConfig Load(string dvcDirectory, bool includeLocal = true)
    {
        var merged = new DvcConfig();
        foreach (var name in includeLocal ? new[] { "config", "config.local" } : ["config"])
        {
            var path = Path.Combine(dvcDirectory, name);
            if (!File.Exists(path))
            {
                continue;
            }
            var part = Parse(File.ReadAllText(path), path);
            foreach (var (section, values) in part._sections)
            {
                foreach (var (key, value) in values)
                {
                    merged.Set(section, key, value);
                }
            }
        }
        return merged;
    }

    /// <summary>A value, or null.</summary>
    public string? Get(string section, string key) =>
        Section(section, create: false)?.FirstOrDefault(p => p.Key == key).Value;

    /// <summary>Sets a value (the section is added at the end when new).</summary>
    public DvcConfig Set(string section, string key, string value)
    {
        Put(Section(section, create: true)!, key, value);
        return this;
    }

    /// <summary>A remote by name (default: <c>core.remote</c>), or null when there is no such remote.</summary>
    public DvcRemote? Remote(string? name = null)
    {
        name ??= DefaultRemote;
        if (name is null || Section($"remote \"{name}\"", create: false) is not { } values)
        {
            return null;
        }
        var url = values.FirstOrDefault(p => p.Key == "url").Value;
        return url is null ? null : new DvcRemote(name, url, values.Where(p => p.Key != "url").ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    /// <summary>The file's text as DVC writes it: quoted headers for names with quotes, four-space indented keys.</summary>
    public string ToIni()
    {
        var b = new StringBuilder();
        foreach (var (name, values) in _sections)
        {
            b.Append(name.Contains('"', StringComparison.Ordinal) ? $"['{name}']" : $"[{name}]").Append('\n');
            foreach (var (key, value) in values)
            {
                b.Append("    ").Append(key).Append(" = ").Append(value).Append('\n');
            }
        }
        return b.ToString();
    }

    private List<KeyValuePair<string, string>>? Section(string name, bool create)
    {
        var index = _sections.FindIndex(s => s.Name == name);
        if (index >= 0)
        {
            return _sections[index].Values;
        }
        if (!create)
        {
            return null;
        }
        var values = new List<KeyValuePair<string, string>>();
        _sections.Add((name, values));
        return values;
    }

    private static void Put(List<KeyValuePair<string, string>> values, string key, string value)
    {
        var index = values.FindIndex(p => p.Key == key);
        if (index >= 0)
        {
            values[index] = new(key, value);
        }
        else
        {
            values.Add(new(key, value));
        }
    }

    private static DatasetException Invalid(string file, int line, string expected, string actual) =>
        new(DatasetErrorKind.InvalidFormat, $"Not a DVC config file (line {line}).") { File = file, Expected = expected, Actual = $"'{actual}'" };
}

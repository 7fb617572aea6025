using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// Dataset versions a real <c>dvc</c> can use: a DVC repository rooted at a folder holding <c>.dvc/</c> (the config
/// and the cache, <c>.dvc/cache/files/md5/</c>), with one <c>&lt;path&gt;.dvc</c> file beside each tracked file or
/// directory. <see cref="AddAsync"/>, <see cref="StatusAsync"/>, <see cref="CheckoutAsync"/>,
/// <c>PushAsync</c> and <c>PullAsync</c> do what the <c>dvc</c> commands of those names do, for
/// DVC 3 (<c>hash: md5</c>) outputs. Instances are cheap; one operation at a time per repository.
/// </summary>
public sealed partial class DvcRepository
{
    private const string DvcIgnoreText = "# Add patterns of files dvc should ignore, which could improve\n# the performance. Learn more at\n# https://dvc.org/doc/user-guide/dvcignore\n";

    private DvcRepository(string root, DatasetOptions options)
    {
        Root = root;
        Options = options;
        DvcDirectory = Path.Combine(root, ".dvc");
        Cache = new DvcCache(DvcDirectory, options.BufferSize);
    }

    /// <summary>The repository's root folder (full path).</summary>
    public string Root { get; }

    /// <summary>The <c>.dvc</c> folder.</summary>
    public string DvcDirectory { get; }

    /// <summary>The local cache.</summary>
    public DvcCache Cache { get; }

    /// <summary>The options.</summary>
    public DatasetOptions Options { get; }

    /// <summary>
    /// Opens the repository rooted at <paramref name="root"/> (nothing is created until something is added, or
    /// <see cref="Init"/> is called). Options are validated here.
    /// </summary>
    public static DvcRepository Open(string root, DatasetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        return new DvcRepository(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)), (options ?? new DatasetOptions()).Validate());
    }

    /// <summary>True when <c>.dvc/</c> exists.</summary>
    public bool IsInitialized => Directory.Exists(DvcDirectory);

    /// <summary>
    /// Creates what <c>dvc init</c> (with <see cref="DatasetOptions.NoScm"/>: <c>dvc init --no-scm</c>) creates when
    /// missing: <c>.dvc/config</c>, <c>.dvc/.gitignore</c> (<c>/config.local</c>, <c>/tmp</c>, <c>/cache</c>) and
    /// <c>.dvcignore</c>. Existing files are left alone.
    /// </summary>
    public void Init()
    {
        Directory.CreateDirectory(DvcDirectory);
        var config = Path.Combine(DvcDirectory, "config");
        if (!File.Exists(config))
        {
            AtomicText.Replace(config, Options.NoScm ? new DvcConfig().Set("core", "no_scm", "true").ToIni() : "");
        }
        var ignore = Path.Combine(DvcDirectory, ".gitignore");
        if (!File.Exists(ignore))
        {
            AtomicText.Replace(ignore, "/config.local\n/tmp\n/cache\n");
        }
        var dvcIgnore = Path.Combine(Root, ".dvcignore");
        if (!File.Exists(dvcIgnore))
        {
            AtomicText.Replace(dvcIgnore, DvcIgnoreText);
        }
    }

    /// <summary>The configuration (<c>.dvc/config</c> merged with <c>.dvc/config.local</c>).</summary>
    public DvcConfig ReadConfig() => DvcConfig.Load(DvcDirectory);

    /// <summary>
    /// Adds or replaces a remote in <c>.dvc/config</c> (or, with <paramref name="local"/>, in the git-ignored
    /// <c>.dvc/config.local</c>, where secrets belong) and, with <paramref name="makeDefault"/>, sets
    /// <c>core.remote</c> to it — what <c>dvc remote add [-d] [--local]</c> and <c>dvc remote modify</c> write. An empty
    /// <paramref name="url"/> leaves the URL as it is (e.g. to put only credentials into <c>config.local</c>).
    /// </summary>
    public void SetRemote(string name, string url, IReadOnlyDictionary<string, string>? settings = null, bool makeDefault = true, bool local = false)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Init();
        var path = Path.Combine(DvcDirectory, local ? "config.local" : "config");
        var config = File.Exists(path) ? DvcConfig.Parse(File.ReadAllText(path), path) : new DvcConfig();
        if (makeDefault)
        {
            config.Set("core", "remote", name);
        }
        var section = $"remote \"{name}\"";
        if (!string.IsNullOrEmpty(url))
        {
            config.Set(section, "url", url);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            config.Set(section, key.ToLowerInvariant(), value);
        }
        AtomicText.Replace(path, config.ToIni());
    }

    /// <summary>Reads a <c>.dvc</c> file (given as the <c>.dvc</c> file or the tracked path).</summary>
    public DvcFile ReadDvcFile(string target)
    {
        var file = DvcFileOf(target);
        if (!File.Exists(file))
        {
            throw new DatasetException(DatasetErrorKind.NotFound, "No such .dvc file (add the path first).") { File = file };
        }
        return DvcFile.Parse(File.ReadAllText(file), file);
    }

    /// <summary>The lineage recorded for a tracked path (or its <c>.dvc</c> file), or null when none was recorded.</summary>
    public DatasetLineage? ReadLineage(string target) => ReadDvcFile(target).Lineage;

    /// <summary>Every <c>.dvc</c> file in the repository (not looking inside <c>.dvc/</c>, <c>.git/</c> or tracked directories), in path order.</summary>
    public IReadOnlyList<string> ListDvcFiles()
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(Root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(dir, "*" + DvcFile.Extension).Where(f => f.EndsWith(DvcFile.Extension, StringComparison.Ordinal)));
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (name is not (".dvc" or ".git" or ".hg") && !File.Exists(sub + DvcFile.Extension))
                {
                    pending.Push(sub);
                }
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>Opens the object store of a remote (default: <c>core.remote</c>).</summary>
    public IObjectStore OpenRemote(string? name = null)
    {
        var remote = ReadConfig().Remote(name) ?? throw new DatasetException(DatasetErrorKind.NoRemote,
            name is null
                ? "No default remote: set one with 'pipeline dataset remote' or 'dvc remote add -d NAME s3://bucket/prefix'."
                : "No such remote in the DVC config.")
        {
            File = Path.Combine(DvcDirectory, "config"), Field = name is null ? "core.remote" : $"remote \"{name}\"",
        };
        if (Options.RemoteFactory is { } factory)
        {
            return factory(remote);
        }
        var s3 = Options.S3 ?? new S3ObjectStoreOptions();
        var s = remote.Settings;
        s3 = s3 with
        {
            ServiceUrl = s.GetValueOrDefault("endpointurl") ?? s3.ServiceUrl,
            Region = s.GetValueOrDefault("region") ?? s3.Region,
            AccessKey = s.GetValueOrDefault("access_key_id") ?? s3.AccessKey,
            SecretKey = s.GetValueOrDefault("secret_access_key") ?? s3.SecretKey,
        };
        var url = remote.Url.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(remote.Url)
            ? remote.Url
            : Path.GetFullPath(Path.Combine(DvcDirectory, remote.Url)); // DVC resolves a relative local remote against .dvc/
        return ObjectStores.Open(url, s3);
    }

    /// <summary>The <c>.dvc</c> file of a target given as the tracked path or the <c>.dvc</c> file itself.</summary>
    public string DvcFileOf(string target)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        return full.EndsWith(DvcFile.Extension, StringComparison.Ordinal) && File.Exists(full) ? full : full + DvcFile.Extension;
    }

    private List<string> ResolveTargets(IEnumerable<string>? targets)
    {
        var list = targets?.ToList() ?? [];
        return list.Count == 0 ? ListDvcFiles().ToList() : list.Select(DvcFileOf).ToList();
    }

    private List<(string DvcFile, DvcOutput Output, string FullPath)> Outputs(IEnumerable<string>? targets)
    {
        var outputs = new List<(string, DvcOutput, string)>();
        foreach (var file in ResolveTargets(targets))
        {
            foreach (var o in ReadDvcFile(file).Outs)
            {
                outputs.Add((file, o, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, o.Path.Replace('/', Path.DirectorySeparatorChar)))));
            }
        }
        return outputs;
    }

    /// <summary>Refuses a <c>.dvcignore</c> with patterns: DVC would leave those files out of the hashes, and we do not parse them.</summary>
    private void CheckDvcIgnore()
    {
        var path = Path.Combine(Root, ".dvcignore");
        if (!File.Exists(path))
        {
            return;
        }
        var pattern = File.ReadLines(path).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        if (pattern is not null)
        {
            throw new DatasetException(DatasetErrorKind.NotSupported,
                "The .dvcignore has patterns; DVC leaves matching files out of directory hashes and this implementation does not apply them, so the hashes would differ. Remove the patterns or use the dvc CLI.")
            {
                File = path, Field = "pattern", Expected = "none", Actual = $"'{pattern}'",
            };
        }
    }

    private string CheckInside(string fullPath)
    {
        var rel = Path.GetRelativePath(Root, fullPath);
        if (rel == "." || rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel)
            || rel.Split(Path.DirectorySeparatorChar).Any(s => s is ".dvc" or ".git"))
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "The path must be inside the DVC repository (and not inside .dvc or .git).")
            {
                File = fullPath, Expected = $"a path below {Root}", Actual = rel,
            };
        }
        return rel;
    }
}

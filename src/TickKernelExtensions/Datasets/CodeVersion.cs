using System.Reflection;
using System.Text.RegularExpressions;

namespace TickKernelExtensions.Datasets;

/// <summary>
/// The version of the code that builds a dataset: the git commit checked out around a folder (read from
/// <c>.git</c> directly: HEAD, loose refs, packed refs, worktrees), else this library's assembly version.
/// </summary>
public static partial class CodeVersion
{
    /// <summary>
    /// <c>git:&lt;40 hex&gt;</c> for the commit checked out in the repository containing
    /// <paramref name="directory"/> (default: the current folder), else <c>assembly:TickKernelExtensions &lt;version&gt;</c>.
    /// </summary>
    public static string Detect(string? directory = null) =>
        TryGitCommit(directory ?? Environment.CurrentDirectory) is { } commit ? "git:" + commit : AssemblyVersion();

    /// <summary>The commit HEAD points at, or null when there is no readable git repository.</summary>
    public static string? TryGitCommit(string directory)
    {
        try
        {
            for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
            {
                var dotGit = Path.Combine(dir.FullName, ".git");
                if (Directory.Exists(dotGit))
                {
                    return Resolve(dotGit, dotGit);
                }
                if (File.Exists(dotGit) && File.ReadAllText(dotGit).Trim() is var link && link.StartsWith("gitdir:", StringComparison.Ordinal))
                {
                    var gitDir = Path.GetFullPath(Path.Combine(dir.FullName, link["gitdir:".Length..].Trim()));
                    var commonFile = Path.Combine(gitDir, "commondir");
                    var common = File.Exists(commonFile) ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim())) : gitDir;
                    return Resolve(gitDir, common);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        return null;
    }

    private static string? Resolve(string gitDir, string commonDir)
    {
        var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
        if (Sha().IsMatch(head))
        {
            return head;
        }
        if (!head.StartsWith("ref:", StringComparison.Ordinal))
        {
            return null;
        }
        var name = head[4..].Trim();
        foreach (var root in new[] { gitDir, commonDir })
        {
            var loose = Path.Combine(root, name.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(loose) && File.ReadAllText(loose).Trim() is var value && Sha().IsMatch(value))
            {
                return value;
            }
        }
        var packed = Path.Combine(commonDir, "packed-refs");
        if (File.Exists(packed))
        {
            foreach (var line in File.ReadLines(packed))
            {
                var parts = line.Split(' ', 2);
                if (parts.Length == 2 && parts[1] == name && Sha().IsMatch(parts[0]))
                {
                    return parts[0];
                }
            }
        }
        return null;
    }

    private static string AssemblyVersion()
    {
        var assembly = typeof(CodeVersion).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        return $"assembly:{assembly.GetName().Name} {version}";
    }

    [GeneratedRegex("^[0-9a-f]{40}([0-9a-f]{24})?$")]
    private static partial Regex Sha();
}

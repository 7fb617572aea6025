namespace Pipeline.Scripts.Kernel.Kernelspec;

/// <summary>
/// Where Jupyter looks for kernelspecs, in jupyter_core's order (first hit per name wins):
/// each <c>$JUPYTER_PATH</c> entry, the user data folder (<c>$JUPYTER_DATA_DIR</c>, else
/// <c>$XDG_DATA_HOME/jupyter</c>, else <c>~/.local/share/jupyter</c>), then the system folders
/// <c>/usr/local/share/jupyter</c> and <c>/usr/share/jupyter</c>; each with <c>kernels/</c> appended.
/// </summary>
public static class JupyterPaths
{
    /// <summary>The user's Jupyter data folder.</summary>
    public static string UserDataDirectory()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return data;
        }
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter");
        }
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Jupyter");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        var root = string.IsNullOrEmpty(xdg) ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share") : xdg;
        return Path.Combine(root, "jupyter");
    }

    /// <summary>The system-wide Jupyter data folder an install without <c>--user</c> writes to.</summary>
    public static string SystemDataDirectory() => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "jupyter")
        : "/usr/local/share/jupyter";

    /// <summary>Every folder holding kernelspec folders, in search order.</summary>
    public static IReadOnlyList<string> KernelDirectories()
    {
        var roots = new List<string>();
        if (Environment.GetEnvironmentVariable("JUPYTER_PATH") is { Length: > 0 } extra)
        {
            roots.AddRange(extra.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        }
        roots.Add(UserDataDirectory());
        if (!OperatingSystem.IsWindows())
        {
            roots.Add("/usr/local/share/jupyter");
            roots.Add("/usr/share/jupyter");
        }
        else
        {
            roots.Add(SystemDataDirectory());
        }
        return roots.Select(r => Path.Combine(r, "kernels")).Distinct(StringComparer.Ordinal).ToList();
    }
}

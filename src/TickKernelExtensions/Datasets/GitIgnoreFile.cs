namespace TickKernelExtensions.Datasets;

/// <summary>
/// Adds an entry to a <c>.gitignore</c> as <c>dvc add</c> does: <c>dvc add data/ticks</c> appends <c>/ticks</c> to
/// <c>data/.gitignore</c> unless the line is already there. The file is replaced atomically.
/// </summary>
internal static class GitIgnoreFile
{
    public static void Ensure(string gitIgnorePath, string entry)
    {
        var text = File.Exists(gitIgnorePath) ? File.ReadAllText(gitIgnorePath) : "";
        if (text.Split('\n').Any(l => l.TrimEnd('\r') == entry))
        {
            return;
        }
        var prefix = text.Length == 0 || text.EndsWith('\n') ? text : text + "\n";
        AtomicText.Replace(gitIgnorePath, prefix + entry + "\n");
    }
}

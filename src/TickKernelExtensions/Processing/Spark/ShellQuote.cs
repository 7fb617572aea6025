namespace TickKernelExtensions.Processing.Spark;

/// <summary>POSIX shell quoting: what a printed command needs so that pasting it into <c>sh</c> passes the same arguments.</summary>
public static class ShellQuote
{
    /// <summary>
    /// The word unchanged when it holds only characters no shell treats specially (letters, digits and
    /// <c>@%+=:,./_-</c>); otherwise in single quotes, each <c>'</c> written as <c>'\''</c>. The empty string is <c>''</c>.
    /// </summary>
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.Length > 0 && word.All(IsSafe))
        {
            return word;
        }
        return "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    /// <summary>Words joined by spaces, each quoted by <see cref="Quote"/>.</summary>
    public static string Join(IEnumerable<string> words) => string.Join(' ', words.Select(Quote));

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || "@%+=:,./_-".Contains(c, StringComparison.Ordinal);
}

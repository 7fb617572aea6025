using System.Text.RegularExpressions;

namespace Pipeline.Scripts.Notebooks.Document;

/// <summary>nbformat 4.5 cell ids: 1–64 characters of <c>[a-zA-Z0-9-_]</c>, unique within the notebook.</summary>
public static partial class CellIds
{
    /// <summary>True when <paramref name="id"/> is a valid nbformat 4.5 cell id.</summary>
    public static bool IsValid(string? id) => id is { Length: >= 1 and <= 64 } && Pattern().IsMatch(id);

    /// <summary>
    /// <paramref name="preferred"/> if no cell uses it yet, else the first free <c>preferred-2</c>,
    /// <c>preferred-3</c>, …; deterministic, so two runs of the same notebook give the same ids.
    /// </summary>
    public static string Unique(string preferred, IReadOnlySet<string> taken)
    {
        if (!taken.Contains(preferred))
        {
            return preferred;
        }
        for (var n = 2; ; n++)
        {
            var candidate = $"{preferred}-{n}";
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex Pattern();
}

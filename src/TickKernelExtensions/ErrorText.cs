using System.Text;

namespace TickKernelExtensions;

/// <summary>
/// The message shape every layer's exception shares: <c>where: what happened (field 'x', expected …, actual …)</c>,
/// with the parts that are unknown left out. Each layer keeps its own exception type and kind; only the text is here.
/// </summary>
internal static class ErrorText
{
    /// <summary>Joins the location (file, <c>file:line</c>, <c>bucket/key</c>; null for none), the message and the known details.</summary>
    public static string Compose(string? location, string message, params string?[] details)
    {
        var b = new StringBuilder();
        if (location is not null)
        {
            b.Append(location).Append(": ");
        }
        b.Append(message);
        var known = details.Where(d => d is not null).ToList();
        if (known.Count > 0)
        {
            b.Append(" (").AppendJoin(", ", known).Append(')');
        }
        return b.ToString();
    }

    /// <summary><c>field 'name'</c>, or null.</summary>
    public static string? Field(string? field) => field is null ? null : $"field '{field}'";

    /// <summary><c>expected …</c>, or null.</summary>
    public static string? Expected(string? expected) => expected is null ? null : $"expected {expected}";

    /// <summary><c>actual …</c> (the value in quotes when <paramref name="quoted"/>), or null.</summary>
    public static string? Actual(string? actual, bool quoted = false) => actual is null ? null : quoted ? $"actual '{actual}'" : $"actual {actual}";
}

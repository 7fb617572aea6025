namespace TickKernelExtensions.Lakehouse.Trino;

/// <summary>
/// A Trino type as the protocol names it in a column's <c>type</c>, parsed far enough to decode values:
/// <c>decimal(10, 2)</c>, <c>array(varchar)</c>, <c>map(varchar, integer)</c>, <c>row(x bigint, "y z" double)</c>,
/// <c>timestamp(6) with time zone</c>.
/// </summary>
internal sealed record TrinoType(string Name, IReadOnlyList<TrinoType> Arguments, string? FieldName = null, bool WithTimeZone = false)
{
    /// <summary>Parses a type name; anything unknown parses too (its values are then kept as text).</summary>
    public static TrinoType Parse(string text)
    {
        text = text.Trim();
        var withTimeZone = text.EndsWith(" with time zone", StringComparison.OrdinalIgnoreCase);
        if (withTimeZone)
        {
            text = text[..^" with time zone".Length].TrimEnd();
        }
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !text.EndsWith(')'))
        {
            return new TrinoType(text.ToLowerInvariant(), [], WithTimeZone: withTimeZone);
        }
        var name = text[..open].Trim().ToLowerInvariant();
        var arguments = SplitTopLevel(text[(open + 1)..^1]);
        if (name == "row")
        {
            return new TrinoType(name, arguments.Select(ParseField).ToList());
        }
        var parsed = name is "array" or "map" ? arguments.Select(Parse).ToList() : arguments.Select(a => new TrinoType(a.Trim(), [])).ToList();
        return new TrinoType(name, parsed, WithTimeZone: withTimeZone);
    }

    private static TrinoType ParseField(string field)
    {
        field = field.Trim();
        if (field.StartsWith('"'))
        {
            var close = field.IndexOf('"', 1);
            while (close > 0 && close + 1 < field.Length && field[close + 1] == '"')
            {
                close = field.IndexOf('"', close + 2);
            }
            if (close > 0)
            {
                return Parse(field[(close + 1)..]) with { FieldName = field[1..close].Replace("\"\"", "\"", StringComparison.Ordinal) };
            }
        }
        var space = field.IndexOf(' ', StringComparison.Ordinal);
        var paren = field.IndexOf('(', StringComparison.Ordinal);
        return space > 0 && (paren < 0 || space < paren)
            ? Parse(field[(space + 1)..]) with { FieldName = field[..space] }
            : Parse(field);
    }

    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '"': quoted = !quoted; break;
                case '(' when !quoted: depth++; break;
                case ')' when !quoted: depth--; break;
                case ',' when !quoted && depth == 0:
                    parts.Add(text[start..i]);
                    start = i + 1;
                    break;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}

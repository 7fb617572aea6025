using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// A query's shape: its text with every plain string literal (<c>'…'</c>) replaced by a numbered sentinel string.
/// Queries that differ only in those literals (the same question for another day) share one shape, so DuckDB's parse
/// tree, which the pushdown needs, is fetched once per shape and reused, like a prepared statement's plan. A shape's
/// tree is only cached when every sentinel appears in it exactly once, as a string constant: then each replaced span
/// is a string literal in DuckDB's own reading too, and putting the literals back into the tree's constants gives the
/// tree of the query as written (a literal's content cannot change the structure around it). Anything else (a span the
/// lexer took for a string that DuckDB read otherwise, a literal used as an alias) is not cached, and the query is
/// parsed as written.
/// </summary>
internal sealed class SqlShape
{
    private const int MaxCached = 256;
    private static readonly ConcurrentDictionary<string, ParsedTree> Trees = new(StringComparer.Ordinal);

    private SqlShape(string text, IReadOnlyList<string> literals)
    {
        Text = text;
        Literals = literals;
    }

    /// <summary>The SQL with the literals replaced.</summary>
    public string Text { get; }

    /// <summary>The literals' values (quotes removed, <c>''</c> unescaped), in order: sentinel <c>n</c> stands for <c>Literals[n]</c>.</summary>
    public IReadOnlyList<string> Literals { get; }

    /// <summary>The shape of <paramref name="sql"/>.</summary>
    public static SqlShape Of(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var text = new StringBuilder(sql.Length);
        var literals = new List<string>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c == '-' && Peek(sql, i + 1) == '-')
            {
                var end = sql.IndexOf('\n', i);
                end = end < 0 ? sql.Length : end;
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                var end = close < 0 ? sql.Length : close + 2;
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '"')
            {
                var end = Closing(sql, i, '"', backslashEscapes: false);
                text.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '\'')
            {
                // E'…' strings take backslash escapes (E'it\'s'); every other string only doubled quotes.
                var escaped = i > 0 && sql[i - 1] is 'E' or 'e' && (i == 1 || !(char.IsLetterOrDigit(sql[i - 2]) || sql[i - 2] == '_'));
                var end = Closing(sql, i, '\'', escaped);
                // E'…', X'…', B'…', U&'…' and anything glued to a word are left alone: their content has other rules.
                var plain = end <= sql.Length && sql[end - 1] == '\'' && end - i >= 2 && (i == 0 || !(char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] is '_' or '&' or '$'));
                if (plain)
                {
                    text.Append(Sentinel(literals.Count));
                    literals.Add(sql.Substring(i + 1, end - i - 2).Replace("''", "'", StringComparison.Ordinal));
                }
                else
                {
                    text.Append(sql, i, end - i);
                }
                i = end;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }
        return new SqlShape(text.ToString(), literals);
    }

    /// <summary>The cached parse tree of this shape, or null.</summary>
    public ParsedTree? CachedTree() => Literals.Count > 0 && Trees.TryGetValue(Text, out var tree) ? tree : null;

    /// <summary>
    /// Caches <paramref name="tree"/> (DuckDB's parse of <see cref="Text"/>) when every sentinel is in it exactly once
    /// as a string constant and returns it; null (nothing cached) otherwise, and the caller parses the SQL as written.
    /// </summary>
    public ParsedTree? TryCache(string? tree)
    {
        if (tree is null || Literals.Count == 0 || !SqlPushdown.IsSelectOnly(tree))
        {
            return null;
        }
        var seen = new int[Literals.Count];
        using (var document = JsonDocument.Parse(tree))
        {
            CountSentinels(document.RootElement, seen);
        }
        if (seen.Any(n => n != 1))
        {
            return null;
        }
        if (Trees.Count >= MaxCached)
        {
            Trees.Clear();
        }
        var parsed = new ParsedTree(tree);
        Trees[Text] = parsed;
        return parsed;
    }

    /// <summary>Puts the literals back into a candidate taken from the shape's tree.</summary>
    public SqlPushdownCandidate Restore(SqlPushdownCandidate candidate)
    {
        var constant = candidate.ConstantSql;
        var literal = candidate.LiteralText;
        for (var n = 0; n < Literals.Count; n++)
        {
            constant = constant.Replace(Sentinel(n), "'" + Literals[n].Replace("'", "''", StringComparison.Ordinal) + "'", StringComparison.Ordinal);
            if (literal == SentinelValue(n))
            {
                literal = Literals[n];
            }
        }
        return candidate with { ConstantSql = constant, LiteralText = literal };
    }

    // A value no query writes: unit separators around a number.
    private static string SentinelValue(int n) => "\u001ftick" + n.ToString(CultureInfo.InvariantCulture) + "\u001f";

    private static string Sentinel(int n) => "'" + SentinelValue(n) + "'";

    private static void CountSentinels(JsonElement e, int[] seen)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                CountSentinels(item, seen);
            }
            return;
        }
        if (e.ValueKind == JsonValueKind.String)
        {
            // A sentinel anywhere but a string constant's value (an alias, a name) disqualifies the shape: counted as a second sight.
            var s = e.GetString()!;
            for (var n = 0; n < seen.Length; n++)
            {
                if (s.Contains(SentinelValue(n), StringComparison.Ordinal))
                {
                    seen[n] += 2;
                }
            }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        if (e.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "VALUE_CONSTANT"
            && e.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("type", out var valueType) && valueType.TryGetProperty("id", out var id) && id.GetString() == "VARCHAR"
            && value.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!;
            for (var n = 0; n < seen.Length; n++)
            {
                if (s == SentinelValue(n))
                {
                    seen[n]++;
                }
                else if (s.Contains(SentinelValue(n), StringComparison.Ordinal))
                {
                    seen[n] += 2;
                }
            }
            foreach (var property in e.EnumerateObject())
            {
                if (property.Name != "value")
                {
                    CountSentinels(property.Value, seen);
                }
            }
            return;
        }
        foreach (var property in e.EnumerateObject())
        {
            CountSentinels(property.Value, seen);
        }
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    // The index after the closing quote (a doubled quote is part of the text); the end of the text when unterminated.
    private static int Closing(string sql, int open, char quote, bool backslashEscapes)
    {
        var i = open + 1;
        while (i < sql.Length)
        {
            if (backslashEscapes && sql[i] == '\\')
            {
                i += 2;
                continue;
            }
            if (sql[i] == quote)
            {
                if (Peek(sql, i + 1) == quote)
                {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.Length;
    }
}

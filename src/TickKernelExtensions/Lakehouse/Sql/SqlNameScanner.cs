using System.Globalization;
using System.Text;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// A small lexer over DuckDB SQL that finds dotted names outside string literals and comments, and the Trino
/// time-travel clauses after them (<c>FOR VERSION AS OF 123</c>, <c>FOR VERSION AS OF 'tag'</c>,
/// <c>FOR TIMESTAMP AS OF [TIMESTAMP] '…'</c>). It does not parse SQL: which names are tables is the catalog's call.
/// </summary>
internal static class SqlNameScanner
{
    // Words that may follow a table reference without being its alias.
    private static readonly HashSet<string> NotAnAlias = new(StringComparer.OrdinalIgnoreCase)
    {
        "where", "join", "inner", "left", "right", "full", "outer", "cross", "natural", "positional", "asof", "anti", "semi",
        "lateral", "on", "using", "group", "order", "limit", "offset", "having", "window", "qualify", "union", "except",
        "intersect", "fetch", "sample", "tablesample", "pivot", "unpivot", "select", "from", "returning", "set", "values",
        "for", "with", "by", "and", "or", "then", "else", "end", "when", "is", "not", "in", "like", "between",
    };

    private enum Kind
    {
        Word,
        Quoted,
        String,
        Number,
        Dot,
        Other,
    }

    private readonly record struct Token(Kind Kind, string Text, int Start, int End);

    /// <summary>Every dotted name of two or more parts, in order; names followed by <c>(</c> (function calls) are left out.</summary>
    /// <exception cref="LakehouseSqlException"><see cref="LakehouseSqlErrorKind.InvalidTimeTravel"/> for a malformed clause.</exception>
    public static List<SqlNameChain> Scan(string sql)
    {
        var tokens = Tokenize(sql);
        var chains = new List<SqlNameChain>();
        var i = 0;
        while (i < tokens.Count)
        {
            if (!IsName(tokens[i]))
            {
                i++;
                continue;
            }
            var parts = new List<string> { NameOf(tokens[i]) };
            var starts = new List<int> { tokens[i].Start };
            var ends = new List<int> { tokens[i].End };
            var j = i + 1;
            while (j + 1 < tokens.Count && tokens[j].Kind == Kind.Dot && IsName(tokens[j + 1]))
            {
                parts.Add(NameOf(tokens[j + 1]));
                starts.Add(tokens[j + 1].Start);
                ends.Add(tokens[j + 1].End);
                j += 2;
            }
            if (parts.Count < 2 || (j < tokens.Count && tokens[j].Text == "("))
            {
                i = j;
                continue;
            }
            TableVersion? version = null;
            var clauseEnd = ends[^1];
            if (IsWord(tokens, j, "for"))
            {
                (version, j) = TimeTravel(sql, tokens, j);
                clauseEnd = tokens[j - 1].End;
            }
            var alias = j < tokens.Count
                && (tokens[j].Kind == Kind.Quoted || (tokens[j].Kind == Kind.Word && !NotAnAlias.Contains(tokens[j].Text)) || IsWord(tokens, j, "as"));
            chains.Add(new SqlNameChain(parts, starts, ends, version, clauseEnd, alias));
            i = j;
        }
        return chains;
    }

    /// <summary>
    /// True when the SQL is one query (it starts with SELECT, WITH, FROM, VALUES, TABLE or a parenthesis and has no
    /// <c>;</c> but a trailing one): the only statements safe to DESCRIBE before running, since DESCRIBE of a script
    /// would run its later statements.
    /// </summary>
    public static bool IsSingleQuery(string sql)
    {
        var tokens = Tokenize(sql);
        var last = tokens.Count;
        while (last > 0 && tokens[last - 1].Text == ";")
        {
            last--;
        }
        if (last == 0 || tokens.Take(last).Any(t => t.Kind == Kind.Other && t.Text == ";"))
        {
            return false;
        }
        var first = tokens[0];
        return first.Text == "(" || (first.Kind == Kind.Word && first.Text.ToLowerInvariant() is "select" or "with" or "from" or "values" or "table");
    }

    /// <summary>An identifier as DuckDB quotes it.</summary>
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static (TableVersion Version, int Next) TimeTravel(string sql, List<Token> tokens, int at)
    {
        var start = tokens[at].Start;
        LakehouseSqlException Bad(string why) => new(LakehouseSqlErrorKind.InvalidTimeTravel,
            $"Malformed time-travel clause at offset {start}: {why} (expected FOR VERSION AS OF <snapshot id | 'tag'> or FOR TIMESTAMP AS OF [TIMESTAMP] '<time>')")
        {
            Sql = sql,
        };
        var kind = at + 1 < tokens.Count && tokens[at + 1].Kind == Kind.Word ? tokens[at + 1].Text.ToLowerInvariant() : null;
        if (kind is not ("version" or "timestamp" or "system_version" or "system_time"))
        {
            throw Bad("FOR must be followed by VERSION or TIMESTAMP");
        }
        if (!IsWord(tokens, at + 2, "as") || !IsWord(tokens, at + 3, "of"))
        {
            throw Bad("AS OF is missing");
        }
        var v = at + 4;
        if (kind is "version" or "system_version")
        {
            if (v < tokens.Count && tokens[v].Kind == Kind.Number
                && long.TryParse(tokens[v].Text, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return (TableVersion.Snapshot(id), v + 1);
            }
            if (v < tokens.Count && tokens[v].Kind == Kind.String && tokens[v].Text.Length > 0)
            {
                return (TableVersion.Tag(tokens[v].Text), v + 1);
            }
            throw Bad("the version is neither a snapshot id nor a quoted tag or branch name");
        }
        if (IsWord(tokens, v, "timestamp") || IsWord(tokens, v, "timestamptz"))
        {
            v++;
        }
        if (v < tokens.Count && tokens[v].Kind == Kind.String && ParseTime(tokens[v].Text) is { } time)
        {
            return (TableVersion.Timestamp(time), v + 1);
        }
        throw Bad("the time is not a quoted timestamp such as '2024-03-07 10:00:00 UTC' (a time without a zone is UTC)");
    }

    /// <summary>Parses a timestamp literal; a trailing <c>UTC</c>/<c>Z</c> or offset is honoured, none means UTC.</summary>
    internal static DateTimeOffset? ParseTime(string text)
    {
        var t = text.Trim();
        if (t.EndsWith(" UTC", StringComparison.OrdinalIgnoreCase))
        {
            t = t[..^4];
        }
        return DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
    }

    private static bool IsName(Token t) => t.Kind is Kind.Word or Kind.Quoted;

    private static string NameOf(Token t) => t.Kind == Kind.Word ? t.Text.ToLowerInvariant() : t.Text;

    private static bool IsWord(List<Token> tokens, int at, string word) =>
        at < tokens.Count && tokens[at].Kind == Kind.Word && string.Equals(tokens[at].Text, word, StringComparison.OrdinalIgnoreCase);

    private static List<Token> Tokenize(string sql)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            var start = i;
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && Peek(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                var close = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = close < 0 ? sql.Length : close + 2;
            }
            else if (c is '\'' or '"')
            {
                var (text, next) = Delimited(sql, i, c);
                tokens.Add(new Token(c == '\'' ? Kind.String : Kind.Quoted, text, start, next));
                i = next;
            }
            else if (char.IsLetter(c) || c == '_')
            {
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] is '_' or '$'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Word, sql[start..i], start, i));
            }
            else if (char.IsAsciiDigit(c))
            {
                while (i < sql.Length && (char.IsAsciiLetterOrDigit(sql[i]) || sql[i] is '_' or '.'))
                {
                    i++;
                }
                tokens.Add(new Token(Kind.Number, sql[start..i], start, i));
            }
            else
            {
                i++;
                tokens.Add(new Token(c == '.' ? Kind.Dot : Kind.Other, c.ToString(), start, i));
            }
        }
        return tokens;
    }

    private static char Peek(string s, int i) => i < s.Length ? s[i] : '\0';

    // A quoted run with the quote doubled inside; an unterminated one runs to the end (DuckDB reports it).
    private static (string Text, int Next) Delimited(string sql, int open, char quote)
    {
        var b = new StringBuilder();
        var i = open + 1;
        while (i < sql.Length)
        {
            if (sql[i] == quote)
            {
                if (Peek(sql, i + 1) == quote)
                {
                    b.Append(quote);
                    i += 2;
                    continue;
                }
                return (b.ToString(), i + 1);
            }
            b.Append(sql[i++]);
        }
        return (b.ToString(), sql.Length);
    }
}

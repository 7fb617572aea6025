namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// DuckDB's parse tree of a query (<c>json_serialize_sql</c>, or null when DuckDB could not serialise it) with what the
/// engine reads from it computed once: whether it is SELECTs only, the pushdown candidates, the column references and
/// the table-reference counts. A query shape's tree is shared by every query of that shape (<see cref="SqlShape"/>), so reading the JSON
/// (about 0.1 ms a pass) happens once per shape, not three times per query. The results are pure functions of the tree
/// and the view set, so a race between two queries computes the same value twice, never a wrong one.
/// </summary>
internal sealed class ParsedTree(string? json)
{
    private bool? _selectOnly;
    private static readonly object Unknown = new();
    private object? _columns;
    private (string Key, Dictionary<(string Schema, string View), List<List<SqlPushdownCandidate>>?>? Value)? _analysis;
    private (string Key, Dictionary<(string Schema, string View), int>? Value)? _counts;

    /// <summary>The tree's JSON, or null.</summary>
    public string? Json => json;

    /// <summary>True when DuckDB serialised every statement (so the SQL is only SELECTs).</summary>
    public bool SelectOnly => _selectOnly ??= SqlPushdown.IsSelectOnly(json);

    /// <summary>The names the tree's column references use, or null when the columns a query reaches cannot be known (<see cref="SqlColumnReferences"/>).</summary>
    public SqlColumnReferences? ColumnReferences
    {
        get
        {
            _columns ??= (object?)SqlColumnReferences.Of(json) ?? Unknown;
            return _columns as SqlColumnReferences;
        }
    }

    /// <summary><see cref="SqlPushdown.Analyze"/> of the tree for <paramref name="views"/>; null when there is no tree or it is not one SELECT.</summary>
    public Dictionary<(string Schema, string View), List<List<SqlPushdownCandidate>>?>? Analyze(IReadOnlySet<(string Schema, string View)> views)
    {
        if (json is null)
        {
            return null;
        }
        var key = Key(views);
        if (_analysis is { } cached && cached.Key == key)
        {
            return cached.Value;
        }
        var value = SqlPushdown.Analyze(json, views);
        _analysis = (key, value);
        return value;
    }

    /// <summary><see cref="SqlPushdown.CountTableReferences"/> of the tree for <paramref name="views"/>; null when not SELECTs.</summary>
    public Dictionary<(string Schema, string View), int>? CountTableReferences(IReadOnlySet<(string Schema, string View)> views)
    {
        if (json is null)
        {
            return null;
        }
        var key = Key(views);
        if (_counts is { } cached && cached.Key == key)
        {
            return cached.Value;
        }
        var value = SqlPushdown.CountTableReferences(json, views);
        _counts = (key, value);
        return value;
    }

    private static string Key(IReadOnlySet<(string Schema, string View)> views) =>
        string.Join('\u001f', views.Select(v => v.Schema + '\u001e' + v.View).Order(StringComparer.Ordinal));
}

using System.Globalization;
using System.Text.Json;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// Finds, in DuckDB's own parse tree of a query (<c>json_serialize_sql</c>), the WHERE conjuncts that restrict a
/// table's rows, so that scan planning can leave out files that cannot hold a matching row. Only what is safe is
/// taken: a reference counts when it is the single table of a SELECT's FROM; its predicates are the top-level AND-ed
/// <c>column op constant</c> and <c>column BETWEEN constant AND constant</c> conjuncts on its own columns, where a
/// constant is a literal under zero or more casts. Any other use of the table (a join, a table function argument,
/// a SELECT with a FROM we do not read) makes that reference unprunable, and the table's view then covers every file.
/// The SQL keeps its WHERE: pruning only removes files, never filters rows.
/// </summary>
internal static class SqlPushdown
{
    /// <summary>
    /// For each view <c>(schema, name)</c> of <paramref name="views"/> that the statement references: the candidate
    /// lists of its references (one per reference, OR-ed; an empty list reads every file), or null when some
    /// reference is unprunable. Views the tree does not mention are absent. Null when the tree is not one SELECT.
    /// </summary>
    public static Dictionary<(string Schema, string View), List<List<SqlPushdownCandidate>>?>? Analyze(
        string serializedTree, IReadOnlySet<(string Schema, string View)> views)
    {
        using var document = JsonDocument.Parse(serializedTree);
        var root = document.RootElement;
        if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.False
            || !root.TryGetProperty("statements", out var statements) || statements.GetArrayLength() != 1)
        {
            return null;
        }
        var found = new Dictionary<(string, string), List<List<SqlPushdownCandidate>>?>();
        Visit(statements[0], views, found);
        return found;
    }

    /// <summary>
    /// True when DuckDB serialised every statement of the SQL: it serialises SELECTs only and answers anything else
    /// with <c>"error": true</c> (it does not throw), so a true here means the SQL cannot have changed any state.
    /// </summary>
    public static bool IsSelectOnly(string? serializedTree)
    {
        if (serializedTree is null)
        {
            return false;
        }
        try
        {
            using var document = JsonDocument.Parse(serializedTree);
            return document.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.False;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>How many times the tree references each of <paramref name="views"/> as a table; null when the tree is not SELECTs.</summary>
    public static Dictionary<(string Schema, string View), int>? CountTableReferences(string serializedTree, IReadOnlySet<(string Schema, string View)> views)
    {
        using var document = JsonDocument.Parse(serializedTree);
        var root = document.RootElement;
        if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.False)
        {
            return null;
        }
        var counts = new Dictionary<(string, string), int>();
        Count(root, views, counts);
        return counts;
    }

    private static void Count(JsonElement e, IReadOnlySet<(string, string)> views, Dictionary<(string, string), int> counts)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Count(item, views, counts);
            }
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            if (View(e) is { } view && views.Contains(view))
            {
                counts[view] = counts.GetValueOrDefault(view) + 1;
            }
            foreach (var property in e.EnumerateObject())
            {
                Count(property.Value, views, counts);
            }
        }
    }

    private static void Visit(JsonElement e, IReadOnlySet<(string, string)> views, Dictionary<(string, string), List<List<SqlPushdownCandidate>>?> found)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Visit(item, views, found);
            }
            return;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        string? skip = null;
        if (type == "SELECT_NODE" && e.TryGetProperty("from_table", out var from) && View(from) is { } view && views.Contains(view)
            && from.TryGetProperty("at_clause", out var at) && at.ValueKind == JsonValueKind.Null)
        {
            skip = "from_table";
            var alias = from.GetProperty("alias").GetString() is { Length: > 0 } a ? a : view.Item2;
            var conjuncts = new List<SqlPushdownCandidate>();
            if (e.TryGetProperty("where_clause", out var where) && where.ValueKind == JsonValueKind.Object)
            {
                Conjuncts(where, view.Item1, alias, conjuncts);
            }
            if (!found.TryGetValue(view, out var lists))
            {
                found[view] = lists = [];
            }
            lists?.Add(conjuncts);
        }
        else if (View(e) is { } other && views.Contains(other))
        {
            found[other] = null; // used somewhere we do not analyse: read every file
        }
        foreach (var property in e.EnumerateObject())
        {
            if (property.Name != skip)
            {
                Visit(property.Value, views, found);
            }
        }
    }

    private static (string, string)? View(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "BASE_TABLE"
        && e.TryGetProperty("schema_name", out var s) && e.TryGetProperty("table_name", out var n)
        && (!e.TryGetProperty("catalog_name", out var c) || c.GetString() is null or "")
            ? (s.GetString() ?? "", n.GetString() ?? "")
            : null;

    private static void Conjuncts(JsonElement e, string schema, string alias, List<SqlPushdownCandidate> into)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "CONJUNCTION_AND":
                foreach (var child in e.GetProperty("children").EnumerateArray())
                {
                    Conjuncts(child, schema, alias, into);
                }
                break;
            case "COMPARE_BETWEEN":
                if (Column(e.GetProperty("input"), schema, alias) is { } input
                    && Constant(e.GetProperty("lower")) is { } lower && Constant(e.GetProperty("upper")) is { } upper)
                {
                    into.Add(Simple(e.GetProperty("lower"), new SqlPushdownCandidate(input, IcebergComparison.GreaterThanOrEqual, lower)));
                    into.Add(Simple(e.GetProperty("upper"), new SqlPushdownCandidate(input, IcebergComparison.LessThanOrEqual, upper)));
                }
                break;
            case var op when Comparison(op) is { } comparison:
                var left = e.GetProperty("left");
                var right = e.GetProperty("right");
                if (Column(left, schema, alias) is { } column && Constant(right) is { } constant)
                {
                    into.Add(Simple(right, new SqlPushdownCandidate(column, comparison, constant)));
                }
                else if (Column(right, schema, alias) is { } flippedColumn && Constant(left) is { } flippedConstant)
                {
                    into.Add(Simple(left, new SqlPushdownCandidate(flippedColumn, Flip(comparison), flippedConstant)));
                }
                break;
        }
    }

    // Records a literal under at most one cast (the common forms: 'text', 42, 1.5e0, TIMESTAMPTZ '…', DATE '…').
    private static SqlPushdownCandidate Simple(JsonElement e, SqlPushdownCandidate candidate)
    {
        string? cast = null;
        if (e.GetProperty("type").GetString() == "OPERATOR_CAST")
        {
            cast = TypeName(e.GetProperty("cast_type"));
            e = e.GetProperty("child");
        }
        if (e.GetProperty("type").GetString() != "VALUE_CONSTANT")
        {
            return candidate;
        }
        var value = e.GetProperty("value");
        var v = value.GetProperty("value");
        return candidate with
        {
            LiteralType = value.GetProperty("type").GetProperty("id").GetString(),
            LiteralText = v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText(),
            CastType = cast,
        };
    }

    private static IcebergComparison? Comparison(string? type) => type switch
    {
        "COMPARE_EQUAL" => IcebergComparison.Equal,
        "COMPARE_LESSTHAN" => IcebergComparison.LessThan,
        "COMPARE_LESSTHANOREQUALTO" => IcebergComparison.LessThanOrEqual,
        "COMPARE_GREATERTHAN" => IcebergComparison.GreaterThan,
        "COMPARE_GREATERTHANOREQUALTO" => IcebergComparison.GreaterThanOrEqual,
        _ => null,
    };

    private static IcebergComparison Flip(IcebergComparison op) => op switch
    {
        IcebergComparison.LessThan => IcebergComparison.GreaterThan,
        IcebergComparison.LessThanOrEqual => IcebergComparison.GreaterThanOrEqual,
        IcebergComparison.GreaterThan => IcebergComparison.LessThan,
        IcebergComparison.GreaterThanOrEqual => IcebergComparison.LessThanOrEqual,
        _ => op,
    };

    // A column of the FROM table: unqualified (the innermost scope binds it first when the table has it; the caller
    // checks that it does), or qualified by the alias, or by schema and view name when there is no alias.
    private static string? Column(JsonElement e, string schema, string alias)
    {
        if (e.GetProperty("type").GetString() != "COLUMN_REF")
        {
            return null;
        }
        var names = e.GetProperty("column_names").EnumerateArray().Select(n => n.GetString() ?? "").ToList();
        return names.Count switch
        {
            1 => names[0],
            2 when string.Equals(names[0], alias, StringComparison.OrdinalIgnoreCase) => names[1],
            3 when string.Equals(names[0], schema, StringComparison.OrdinalIgnoreCase)
                && string.Equals(names[1], alias, StringComparison.OrdinalIgnoreCase) => names[2],
            _ => null,
        };
    }

    // A literal under zero or more casts, as DuckDB SQL; null for anything else (functions, parameters, subqueries,
    // NULL, types we do not render).
    private static string? Constant(JsonElement e)
    {
        switch (e.GetProperty("type").GetString())
        {
            case "OPERATOR_CAST":
                return e.GetProperty("try_cast").GetBoolean() || Constant(e.GetProperty("child")) is not { } child || TypeName(e.GetProperty("cast_type")) is not { } target
                    ? null
                    : $"CAST({child} AS {target})";
            case "VALUE_CONSTANT":
                var value = e.GetProperty("value");
                if (value.GetProperty("is_null").GetBoolean() || TypeName(value.GetProperty("type")) is not { } type)
                {
                    return null;
                }
                var v = value.GetProperty("value");
                return type switch
                {
                    "VARCHAR" when v.ValueKind == JsonValueKind.String => IcebergParquetFileReader.Literal(v.GetString()!),
                    "BOOLEAN" when v.ValueKind is JsonValueKind.True or JsonValueKind.False => v.ValueKind == JsonValueKind.True ? "true" : "false",
                    "TINYINT" or "SMALLINT" or "INTEGER" or "BIGINT" or "HUGEINT" or "UTINYINT" or "USMALLINT" or "UINTEGER" or "UBIGINT" or "DOUBLE" or "FLOAT"
                        when v.ValueKind == JsonValueKind.Number => $"CAST({v.GetRawText()} AS {type})",
                    _ when type.StartsWith("DECIMAL(", StringComparison.Ordinal) && v.ValueKind == JsonValueKind.Number
                        => $"CAST('{DecimalText(v.GetRawText(), value.GetProperty("type").GetProperty("type_info").GetProperty("scale").GetInt32())}' AS {type})",
                    _ => null,
                };
            default:
                return null;
        }
    }

    private static readonly HashSet<string> PlainTypes = new(StringComparer.Ordinal)
    {
        "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT",
        "FLOAT", "DOUBLE", "VARCHAR", "DATE", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE",
    };

    private static string? TypeName(JsonElement type)
    {
        var id = type.GetProperty("id").GetString() ?? "";
        var info = type.GetProperty("type_info");
        if (id == "DECIMAL" && info.ValueKind == JsonValueKind.Object)
        {
            return string.Create(CultureInfo.InvariantCulture, $"DECIMAL({info.GetProperty("width").GetInt32()}, {info.GetProperty("scale").GetInt32()})");
        }
        return info.ValueKind == JsonValueKind.Null && PlainTypes.Contains(id) ? id : null;
    }

    // DuckDB serialises a decimal constant as its unscaled integer: 15 with scale 1 is 1.5.
    private static string DecimalText(string unscaled, int scale)
    {
        var negative = unscaled.StartsWith('-');
        var digits = (negative ? unscaled[1..] : unscaled).PadLeft(scale + 1, '0');
        var text = scale == 0 ? digits : digits[..^scale] + "." + digits[^scale..];
        return negative ? "-" + text : text;
    }
}

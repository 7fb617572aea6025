using System.Text.Json;

namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// The names a query's column references use, read from DuckDB's parse tree, so that a table's derived table can
/// select only the columns the query can reach. Anything that reaches columns without naming them makes the answer
/// "unknown" (null from <see cref="Of"/>), and then every column is kept: a star (<c>*</c>, <c>t.*</c>, <c>COLUMNS(…)</c>,
/// a bare <c>FROM t</c>), a positional reference (<c>#2</c>), a NATURAL join, PIVOT/UNPIVOT and SHOW/SUMMARIZE/DESCRIBE
/// used as tables, and column aliases on a table (<c>FROM t AS k(a, b)</c>, by position). A column reference that names a table or alias alone (<c>SELECT ticks FROM bronze.ticks</c>, the
/// whole row as a struct) is reported through <see cref="RowReferences"/>. Names are compared case-insensitively, as
/// DuckDB does, and a name counts for every table (never fewer columns than the query uses; sometimes more).
/// </summary>
internal sealed class SqlColumnReferences
{
    private static readonly HashSet<string> OpaqueClasses = new(StringComparer.Ordinal) { "STAR", "POSITIONAL_REFERENCE" };

    private SqlColumnReferences(HashSet<string> names, HashSet<string> rowReferences)
    {
        Names = names;
        RowReferences = rowReferences;
    }

    /// <summary>Every part of every column reference (<c>t.bid</c> gives <c>t</c> and <c>bid</c>), and the columns of USING.</summary>
    public IReadOnlySet<string> Names { get; }

    /// <summary>Single-part column references that are also the name or alias of a table reference in the query.</summary>
    public IReadOnlySet<string> RowReferences { get; }

    /// <summary>The references of a serialised tree, or null when they cannot be known (see the class summary).</summary>
    public static SqlColumnReferences? Of(string? serializedTree)
    {
        if (serializedTree is null)
        {
            return null;
        }
        try
        {
            using var document = JsonDocument.Parse(serializedTree);
            var root = document.RootElement;
            if (!root.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.False)
            {
                return null;
            }
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var singles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var tables = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!Walk(root, names, singles, tables))
            {
                return null;
            }
            singles.IntersectWith(tables);
            return new SqlColumnReferences(names, singles);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    // False when something reaches columns without naming them.
    private static bool Walk(JsonElement e, HashSet<string> names, HashSet<string> singles, HashSet<string> tables)
    {
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                if (!Walk(item, names, singles, tables))
                {
                    return false;
                }
            }
            return true;
        }
        if (e.ValueKind != JsonValueKind.Object)
        {
            return true;
        }
        var cls = Text(e, "class");
        var type = Text(e, "type");
        if ((cls is not null && OpaqueClasses.Contains(cls)) || (type is not null && OpaqueClasses.Contains(type)))
        {
            return false;
        }
        if (type is not null && (type.Contains("PIVOT", StringComparison.Ordinal) || type.Contains("SHOW", StringComparison.Ordinal)))
        {
            return false;
        }
        if (Text(e, "ref_type") is "NATURAL")
        {
            return false;
        }
        if (e.TryGetProperty("column_name_alias", out var renamed) && renamed.ValueKind == JsonValueKind.Array && renamed.GetArrayLength() > 0)
        {
            return false; // FROM t AS k(a, b): names by position
        }
        if (cls == "COLUMN_REF")
        {
            if (!e.TryGetProperty("column_names", out var parts) || parts.ValueKind != JsonValueKind.Array)
            {
                return false;
            }
            foreach (var part in parts.EnumerateArray())
            {
                names.Add(part.GetString() ?? "");
            }
            if (parts.GetArrayLength() == 1)
            {
                singles.Add(parts[0].GetString() ?? "");
            }
        }
        if (e.TryGetProperty("using_columns", out var usingColumns) && usingColumns.ValueKind == JsonValueKind.Array)
        {
            foreach (var column in usingColumns.EnumerateArray())
            {
                names.Add(column.GetString() ?? "");
            }
        }
        // Table names and aliases (of tables, subqueries, CTEs and expressions alike: more names only keep more columns).
        foreach (var key in (ReadOnlySpan<string>)["table_name", "alias"])
        {
            if (Text(e, key) is { Length: > 0 } name)
            {
                tables.Add(name);
            }
        }
        if (e.TryGetProperty("cte_map", out var ctes) && ctes.ValueKind == JsonValueKind.Object && ctes.TryGetProperty("map", out var map)
            && map.ValueKind == JsonValueKind.Array)
        {
            foreach (var cte in map.EnumerateArray())
            {
                if (cte.ValueKind == JsonValueKind.Object && Text(cte, "key") is { Length: > 0 } name)
                {
                    tables.Add(name);
                }
            }
        }
        foreach (var property in e.EnumerateObject())
        {
            if (!Walk(property.Value, names, singles, tables))
            {
                return false;
            }
        }
        return true;
    }

    private static string? Text(JsonElement e, string property) =>
        e.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

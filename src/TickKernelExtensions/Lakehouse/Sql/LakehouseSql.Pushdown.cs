using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Lakehouse.Sql;

// Pruning from the SQL's WHERE: DuckDB parses the query (json_serialize_sql), SqlPushdown picks the conjuncts that
// restrict each table, and DuckDB evaluates their constants in the column's type on the query's own connection (so
// casts, time zones and string-to-timestamp rules are DuckDB's). A constant that does not convert losslessly, or
// anything unexpected, only means less pruning: the SQL keeps its WHERE, so results never depend on this step.
public sealed partial class LakehouseSql
{
    private static Dictionary<(string Schema, string View), IReadOnlyList<IReadOnlyList<IcebergPredicate>>> PruningPredicates(
        DuckDBConnection connection, ParsedTree tree, List<OpenedView> views, SqlShape? restore)
    {
        var result = new Dictionary<(string, string), IReadOnlyList<IReadOnlyList<IcebergPredicate>>>();
        if (views.Count == 0 || tree.Json is null)
        {
            return result;
        }
        var byName = views.ToDictionary(v => (v.Table.Namespace, v.View));
        var analysed = tree.Analyze(byName.Keys.ToHashSet());
        if (analysed is null)
        {
            return result;
        }
        var bound = new List<(string Schema, string View, int List, IcebergField Field, IcebergPrimitiveType Type, IcebergComparison Op, SqlPushdownCandidate Candidate)>();
        foreach (var ((schema, view), lists) in analysed)
        {
            if (lists is null || lists.Count == 0 || !byName.TryGetValue((schema, view), out var opened))
            {
                continue;
            }
            for (var i = 0; i < lists.Count; i++)
            {
                foreach (var raw in lists[i])
                {
                    var c = restore?.Restore(raw) ?? raw;
                    var matches = opened.Schema.Fields.Where(f => string.Equals(f.Name, c.Column, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (matches.Count == 1 && matches[0].Type is IcebergPrimitiveType type && Evaluable(type))
                    {
                        bound.Add((schema, view, i, matches[0], type, c.Op, c));
                    }
                }
            }
        }
        // Common literals are evaluated here; the rest in one DuckDB query (skipped when there is none).
        var literals = bound.Select(b => SqlLiteral.TryEvaluate(b.Candidate, b.Type)).ToArray();
        var rest = Enumerable.Range(0, bound.Count).Where(k => literals[k] is null).ToList();
        if (rest.Count > 0 && Evaluate(connection, rest.Select(k => (bound[k].Type, bound[k].Candidate.ConstantSql)).ToList()) is { } evaluated)
        {
            for (var r = 0; r < rest.Count; r++)
            {
                literals[rest[r]] = evaluated[r];
            }
        }
        foreach (var ((schema, view), lists) in analysed)
        {
            if (lists is null || lists.Count == 0)
            {
                continue;
            }
            var perList = Enumerable.Range(0, lists.Count).Select(_ => new List<IcebergPredicate>()).ToList();
            for (var k = 0; k < bound.Count; k++)
            {
                var b = bound[k];
                if (b.Schema == schema && b.View == view && literals[k] is { } literal)
                {
                    perList[b.List].Add(new IcebergPredicate(b.Field.Name, b.Op, IcebergValues.Normalize(b.Type, literal)));
                }
            }
            result[(schema, view)] = perList;
        }
        return result;
    }

    private static bool Evaluable(IcebergPrimitiveType type) => type.TypeId is IcebergTypeId.Boolean or IcebergTypeId.Int or IcebergTypeId.Long
        or IcebergTypeId.Float or IcebergTypeId.Double or IcebergTypeId.Decimal or IcebergTypeId.Date or IcebergTypeId.Timestamp
        or IcebergTypeId.TimestampTz or IcebergTypeId.String;

    // One row: for each constant, its value in the column's type and whether that conversion is exact (compared in
    // DuckDB's common type, as the WHERE itself compares). Null entries could not be used.
    private static object?[]? Evaluate(DuckDBConnection connection, List<(IcebergPrimitiveType Type, string Constant)> constants)
    {
        if (constants.Count == 0)
        {
            return [];
        }
        var select = new StringBuilder("SELECT ");
        for (var i = 0; i < constants.Count; i++)
        {
            var (type, constant) = constants[i];
            var cast = $"TRY_CAST({constant} AS {IcebergDuckDbSql.DuckDbType(type)})";
            var value = type.TypeId switch
            {
                IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz => $"epoch_us({cast})",
                IcebergTypeId.Date => $"date_diff('day', DATE '1970-01-01', {cast})",
                _ => cast,
            };
            select.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"{value}, ({cast} = {constant})");
        }
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = select.ToString();
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                return null;
            }
            var values = new object?[constants.Count];
            for (var i = 0; i < constants.Count; i++)
            {
                if (reader.IsDBNull(2 * i) || reader.IsDBNull(2 * i + 1) || !reader.GetBoolean(2 * i + 1))
                {
                    continue;
                }
                var raw = reader.GetValue(2 * i);
                values[i] = constants[i].Type.TypeId == IcebergTypeId.Date ? Convert.ToInt32(raw, CultureInfo.InvariantCulture) : raw;
            }
            return values;
        }
        catch (Exception e) when (e is DuckDBException or InvalidCastException or OverflowException)
        {
            return null;
        }
    }

    private sealed record OpenedView(TableIdentifier Table, string View, IcebergTableReader Reader, IcebergScanOptions Options, IcebergSchema Schema);
}

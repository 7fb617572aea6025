using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

public sealed class SqlShapeTests
{
    [Fact]
    public void Of_ReplacesPlainStringLiterals_LeavesCommentsQuotedNamesAndPrefixedStringsAlone()
    {
        var a = SqlShape.Of("SELECT \"it's\" FROM t -- it's\nWHERE x = 'a''b' AND y = E'c\\'' AND z = TIMESTAMPTZ '2026-03-03' /* 'q' */");
        var b = SqlShape.Of("SELECT \"it's\" FROM t -- it's\nWHERE x = 'other' AND y = E'c\\'' AND z = TIMESTAMPTZ '2026-03-04' /* 'q' */");

        Assert.Equal(["a'b", "2026-03-03"], a.Literals);
        Assert.Equal(a.Text, b.Text);
        Assert.Contains("\"it's\"", a.Text, StringComparison.Ordinal);
        Assert.Contains("-- it's\n", a.Text, StringComparison.Ordinal);
        Assert.Contains("E'c\\''", a.Text, StringComparison.Ordinal);
        Assert.Contains("/* 'q' */", a.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("2026", a.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TryCache_RefusesATreeWhereASentinelIsNotExactlyOneStringConstant()
    {
        var shape = SqlShape.Of("SELECT 1 WHERE x = 'a'");
        var sentinel = shape.Text[(shape.Text.IndexOf('\'', StringComparison.Ordinal) + 1)..shape.Text.LastIndexOf('\'')];
        string Tree(string body) => "{\"error\":false,\"statements\":[" + body + "]}";
        var constant = "{\"type\":\"VALUE_CONSTANT\",\"value\":{\"type\":{\"id\":\"VARCHAR\"},\"is_null\":false,\"value\":" + System.Text.Json.JsonSerializer.Serialize(sentinel) + "}}";
        var alias = "{\"type\":\"COLUMN_REF\",\"alias\":" + System.Text.Json.JsonSerializer.Serialize(sentinel) + "}";

        Assert.Null(SqlShape.Of("SELECT 1 WHERE x = 'a'").TryCache(Tree(alias)));
        Assert.Null(SqlShape.Of("SELECT 1 WHERE x = 'a'").TryCache(Tree(constant + "," + constant)));
        Assert.Null(SqlShape.Of("SELECT 1 WHERE x = 'a'").TryCache("{\"error\":true}"));
        Assert.NotNull(shape.TryCache(Tree(constant)));
        Assert.NotNull(SqlShape.Of("SELECT 1 WHERE x = 'b'").CachedTree());
    }
}

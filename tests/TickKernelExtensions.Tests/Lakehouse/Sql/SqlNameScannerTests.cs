using TickKernelExtensions.Lakehouse.Sql;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

public sealed class SqlNameScannerTests
{
    [Fact]
    public void Scan_NamesInStringsAndComments_AreIgnored()
    {
        var chains = SqlNameScanner.Scan("SELECT 'a.b', \"x\".\"Y\" -- c.d\n FROM /* e.f */ G.h, round(1.5), main.fn(1)");

        Assert.Equal(["x|Y", "g|h"], chains.Select(c => string.Join('|', c.Parts)));
    }

    [Theory]
    [InlineData("FROM a.b FOR VERSION AS OF 123", "snapshot 123", false)]
    [InlineData("FROM a.b FOR VERSION AS OF 'nightly' AS t", "ref 'nightly'", true)]
    [InlineData("FROM a.b FOR TIMESTAMP AS OF TIMESTAMP '2024-03-07 10:00:00 UTC' t WHERE", "as of 2024-03-07T10:00:00.0000000+00:00", true)]
    [InlineData("FROM a.b FOR TIMESTAMP AS OF '2024-03-07T12:00:00+02:00' WHERE x", "as of 2024-03-07T10:00:00.0000000+00:00", false)]
    public void Scan_TimeTravelClause_IsParsed(string sql, string version, bool alias)
    {
        var chain = Assert.Single(SqlNameScanner.Scan(sql));

        Assert.Equal(version, chain.Version?.ToString());
        Assert.Equal(alias, chain.FollowedByAlias);
        Assert.Equal(sql.Contains("WHERE", StringComparison.Ordinal) ? sql.IndexOf(" WHERE", StringComparison.Ordinal) - (alias ? 2 : 0) : sql.Length - (alias ? 5 : 0), chain.ClauseEnd);
    }

    [Theory]
    [InlineData("FROM a.b FOR SYSTEM")]
    [InlineData("FROM a.b FOR VERSION OF 1")]
    [InlineData("FROM a.b FOR VERSION AS OF x")]
    [InlineData("FROM a.b FOR TIMESTAMP AS OF 'yesterday'")]
    public void Scan_MalformedClause_IsATimeTravelError(string sql)
    {
        var e = Assert.Throws<LakehouseSqlException>(() => SqlNameScanner.Scan(sql));

        Assert.Equal(LakehouseSqlErrorKind.InvalidTimeTravel, e.Kind);
        Assert.Contains(sql, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1;", true)]
    [InlineData(" with t AS (SELECT 1) FROM t", true)]
    [InlineData("(SELECT 1) UNION (SELECT 2)", true)]
    [InlineData("SELECT ';' AS semi -- ;\n", true)]
    [InlineData("SELECT 1; DELETE FROM t", false)]
    [InlineData("CREATE TABLE t AS SELECT 1", false)]
    [InlineData("", false)]
    public void IsSingleQuery_OnlyOneQueryStatement(string sql, bool expected) =>
        Assert.Equal(expected, SqlNameScanner.IsSingleQuery(sql));
}

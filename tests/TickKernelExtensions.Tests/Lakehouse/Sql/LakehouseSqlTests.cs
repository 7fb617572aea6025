using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Sql;
using TickKernelExtensions.Tests.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Sql;

/// <summary>SQL over catalog tables written by Spark, Java Iceberg and Athena, checked against the fixtures README.</summary>
public sealed class LakehouseSqlTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("spark.bunnies", 20L)]
    [InlineData("java.bunnies", 15L)]
    [InlineData("spark.rename_column", 4L)]
    [InlineData("athena.example", 2L)]
    public async Task QueryAsync_CountOfEachFixtureTable_IsTheReadmeCount(string table, long expected)
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync($"SELECT count(*) AS n FROM {table}", cancellationToken: Ct);

        Assert.Equal(expected, Assert.Single(result.Rows)[0]);
        Assert.Equal("n", Assert.Single(result.Columns).Name);
    }

    [Fact]
    public async Task QueryAsync_JavaBunniesAfterEqualityDelete_HasExactlyTheUpdatedNewZealandRow()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync("SELECT * FROM java.bunnies WHERE \"Breed Name\" = 'New Zealand'", cancellationToken: Ct);

        Assert.Equal("New Zealand, 4, 2.7, 8, New Zealand, Erect, Affectionate, 0, true", IcebergFixtureTables.Render(Assert.Single(result.Rows)));
        Assert.Equal("__happy__", result.Columns[^1].Name);
    }

    [Fact]
    public async Task QueryAsync_RenamedColumn_ReadsByFieldIdUnderItsNewName_WithDecimalsAndTheNullDate()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync("SELECT * FROM spark.rename_column ORDER BY id", cancellationToken: Ct);

        Assert.Equal(["id", "name", "event_date", "price", "active"], result.Columns.Select(c => c.Name));
        Assert.StartsWith("decimal(10,2)", result.Columns[3].Type.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(
            [
                "1, Flopsy 🐇, 2022-01-01, 9.99, true",
                "2, Mopsy–Naïve, 2022-01-01, -5, false",
                "3, Cottontail, null, 0, true",
                "4, Thumper, 2022-01-02, 99999999.99, false",
            ],
            result.Rows.Select(IcebergFixtureTables.Render));
        Assert.IsType<DateOnly>(result.Rows[0][2]);
        Assert.Equal(99999999.99m, result.Rows[3][3]);
        Assert.Equal(1L, (await lake.Sql.QueryAsync("SELECT count(*) FROM spark.rename_column WHERE event_date IS NULL", cancellationToken: Ct)).Rows[0][0]);
    }

    [Fact]
    public async Task QueryAsync_AthenaExample_ReturnsAliceAndBob()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync("SELECT id, name FROM athena.example ORDER BY id", cancellationToken: Ct);

        Assert.Equal(["1, Alice", "2, Bob"], result.Rows.Select(IcebergFixtureTables.Render));
    }

    [Fact]
    public async Task QueryAsync_ForVersionAsOf_ReadsTheEarlierSnapshotBesideTheCurrentOne()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync(
            "SELECT (SELECT count(*) FROM spark.bunnies), (SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 7505300640432048841), " +
            "(SELECT count(b.\"Breed Name\") FROM spark.bunnies FOR VERSION AS OF 7505300640432048841 AS b)",
            cancellationToken: Ct);

        Assert.Equal([20L, 21L, 21L], Assert.Single(result.Rows));
    }

    [Fact]
    public async Task QueryAsync_AsOfArgument_SelectsTheSnapshotById()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync(
            "SELECT \"Breed Name\" FROM spark.bunnies",
            new Dictionary<string, TableVersion> { ["spark.bunnies"] = TableVersion.Snapshot(7505300640432048841) },
            Ct);

        Assert.Equal(21, result.Rows.Count);
        Assert.Equal("Holland Lop", result.Rows[0][0]);
    }

    [Fact]
    public async Task QueryAsync_ForTimestampAsOf_ReadsTheSnapshotCurrentAtThatTime()
    {
        await using var lake = await FixtureLake.CreateAsync();
        var metadata = IcebergFixtureTables.Open("spark/bunnies", "v5.metadata.json").Metadata;
        var first = metadata.Snapshots.Single(s => s.SnapshotId == 7505300640432048841);
        var time = first.Timestamp.ToString("yyyy-MM-dd HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

        var result = await lake.Sql.QueryAsync(
            $"SELECT count(*) FROM spark.bunnies FOR TIMESTAMP AS OF TIMESTAMP '{time} UTC'", cancellationToken: Ct);
        var viaArgument = await lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies",
            new Dictionary<string, TableVersion> { ["spark.bunnies"] = TableVersion.Timestamp(new DateTimeOffset(first.Timestamp)) }, Ct);

        Assert.Equal(21L, result.Rows[0][0]);
        Assert.Equal(21L, viaArgument.Rows[0][0]);
    }

    [Fact]
    public async Task QueryAsync_ForVersionAsOfABranchName_ReadsTheSnapshotItPointsAt()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 'main'", cancellationToken: Ct);
        var missing = await Assert.ThrowsAsync<LakehouseSqlException>(() =>
            lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 'nightly'", cancellationToken: Ct));
        var tooEarly = await Assert.ThrowsAsync<LakehouseSqlException>(() =>
            lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies FOR TIMESTAMP AS OF TIMESTAMP '2020-01-01 00:00:00'", cancellationToken: Ct));

        Assert.Equal(20L, result.Rows[0][0]);
        Assert.Equal(LakehouseSqlErrorKind.InvalidTimeTravel, missing.Kind);
        Assert.Contains("nightly", missing.Message, StringComparison.Ordinal);
        Assert.Equal(LakehouseSqlErrorKind.InvalidTimeTravel, tooEarly.Kind);
        Assert.Contains("2020-01-01", tooEarly.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_UnknownSnapshot_IsATimeTravelErrorNamingTheTable()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() =>
            lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 42", cancellationToken: Ct));

        Assert.Equal(LakehouseSqlErrorKind.InvalidTimeTravel, e.Kind);
        Assert.Contains("spark.bunnies", e.Message, StringComparison.Ordinal);
        Assert.Contains("42", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_JoinAcrossTwoTables_MatchesTheJoinOfTheirRows()
    {
        await using var lake = await FixtureLake.CreateAsync();
        var spark = (await lake.Sql.QueryAsync("SELECT \"Breed Name\" FROM spark.bunnies", cancellationToken: Ct)).Rows.Select(r => (string)r[0]!).ToList();
        var java = (await lake.Sql.QueryAsync("SELECT \"Breed Name\" FROM java.bunnies", cancellationToken: Ct)).Rows.Select(r => (string)r[0]!).ToList();
        var expected = spark.Sum(s => (long)java.Count(j => j == s));

        var result = await lake.Sql.QueryAsync(
            "SELECT count(*), count(DISTINCT s.\"Breed Name\") FROM spark.bunnies s JOIN java.bunnies AS j ON s.\"Breed Name\" = j.\"Breed Name\"",
            cancellationToken: Ct);

        Assert.True(expected > 0);
        Assert.Equal(expected, result.Rows[0][0]);
        Assert.Equal(spark.Intersect(java).LongCount(), result.Rows[0][1]);
    }

    [Fact]
    public async Task QueryAsync_QualifiedColumnsAndQuotedNames_Resolve()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync(
            "SELECT example.name, \"athena\".\"example\".id FROM \"athena\".\"example\" WHERE athena.example.id = 2 -- spark.nope in a comment\n" +
            "AND 'spark.nope' <> ''",
            cancellationToken: Ct);

        Assert.Equal(["Bob", 2], Assert.Single(result.Rows));
        Assert.Equal([new TableIdentifier("athena", "example")],
            await lake.Sql.ReferencedTablesAsync("SELECT * FROM athena.example e JOIN athena.example f USING (id) /* java.bunnies */", Ct));
    }

    [Fact]
    public async Task QueryAsync_TablesInFromClauses_AreReadAsDerivedTablesWithoutViews()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var plain = await lake.Sql.QueryAsync(
            "SELECT e.name, f.id FROM athena.example e JOIN athena.example AS f USING (id) WHERE e.id > 0 ORDER BY 2", cancellationToken: Ct);
        var versioned = await lake.Sql.QueryAsync(
            "SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 7505300640432048841 WHERE bunnies.\"Breed Name\" IS NOT NULL", cancellationToken: Ct);
        var qualified = await lake.Sql.QueryAsync("SELECT athena.example.name FROM athena.example ORDER BY 1", cancellationToken: Ct);

        Assert.Equal([["Alice", 1], ["Bob", 2]], plain.Rows);
        Assert.Contains("read_parquet(", plain.ExecutedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("\"athena\".", plain.ExecutedSql, StringComparison.Ordinal);
        Assert.Equal(21L, Assert.Single(versioned.Rows)[0]);
        Assert.Contains(") AS \"bunnies\"", versioned.ExecutedSql, StringComparison.Ordinal);
        // A column qualified by schema and table needs the schema: that query runs over a view.
        Assert.Equal([["Alice"], ["Bob"]], qualified.Rows);
        Assert.Contains("\"athena\".\"example\"", qualified.ExecutedSql, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_DerivedTables_SelectTheColumnsTheQueryNames_AndEveryColumnForAStarOrTheWholeRow()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var named = await lake.Sql.QueryAsync("SELECT max(name) FROM spark.rename_column WHERE price > 0", cancellationToken: Ct);
        var counted = await lake.Sql.QueryAsync("SELECT count(*) FROM spark.rename_column", cancellationToken: Ct);
        var row = await lake.Sql.QueryAsync("SELECT r FROM spark.rename_column r WHERE r.id = 1", cancellationToken: Ct);
        var star = await lake.Sql.QueryAsync("SELECT * FROM spark.rename_column WHERE id = 1", cancellationToken: Ct);

        Assert.Equal("Thumper", Assert.Single(Assert.Single(named.Rows)));
        Assert.Contains("AS \"name\"", named.ExecutedSql, StringComparison.Ordinal);
        Assert.Contains("AS \"price\"", named.ExecutedSql, StringComparison.Ordinal);
        Assert.DoesNotContain("AS \"event_date\"", named.ExecutedSql, StringComparison.Ordinal);
        Assert.Equal(4L, Assert.Single(Assert.Single(counted.Rows)));
        Assert.Contains("read_parquet(", counted.ExecutedSql, StringComparison.Ordinal);
        // The alias alone is the whole row (a struct): every column stays.
        Assert.Single(row.Rows);
        Assert.Contains("AS \"event_date\"", row.ExecutedSql, StringComparison.Ordinal);
        Assert.Equal(["id", "name", "event_date", "price", "active"], star.Columns.Select(c => c.Name));
    }

    [Fact]
    public async Task QueryAsync_NestedNamespace_IsReachableByItsDottedName()
    {
        await using var lake = await FixtureLake.CreateAsync();
        await using (var catalog = await JdbcCatalog.OpenAsync(lake.CatalogOptions, Ct))
        {
            await catalog.CreateNamespaceAsync("research.rabbits", cancellationToken: Ct);
            await catalog.CreateTableAsync(new("research.rabbits", "people"), FixtureLake.Location("athena/example", FixtureLake.AthenaLatest), Ct);
        }

        var result = await lake.Sql.QueryAsync(
            "SELECT p.name FROM research.rabbits.people p JOIN athena.example e ON p.id = e.id WHERE p.id = 1", cancellationToken: Ct);
        var qualified = await lake.Sql.QueryAsync(
            "SELECT research.rabbits.people.name FROM research.rabbits.people WHERE research.rabbits.people.id = 2", cancellationToken: Ct);

        Assert.Equal("Alice", Assert.Single(Assert.Single(result.Rows)));
        Assert.Equal("Bob", Assert.Single(Assert.Single(qualified.Rows)));
    }

    [Fact]
    public async Task QueryAsync_UnknownTable_ListsTheCatalogsTables()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync("SELECT * FROM spark.hares", cancellationToken: Ct));

        Assert.Equal(LakehouseSqlErrorKind.UnknownTable, e.Kind);
        Assert.Contains("hares", e.Message, StringComparison.Ordinal);
        Assert.Contains("athena.example, java.bunnies, spark.bunnies, spark.rename_column", e.Message, StringComparison.Ordinal);
        Assert.Contains("SELECT * FROM spark.hares", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_BadSql_NamesDuckDbsMessageAndTheSql()
    {
        await using var lake = await FixtureLake.CreateAsync();
        const string sql = "SELEC count(*) FROM spark.bunnies";

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync(sql, cancellationToken: Ct));

        Assert.Equal(LakehouseSqlErrorKind.InvalidSql, e.Kind);
        Assert.Contains("Parser Error", e.Message, StringComparison.Ordinal);
        Assert.Contains(sql, e.Message, StringComparison.Ordinal);
        Assert.Contains("\"nope\"", (await Assert.ThrowsAsync<LakehouseSqlException>(() =>
            lake.Sql.QueryAsync("SELECT \"nope\" FROM spark.bunnies", cancellationToken: Ct))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_MissingMetadataFile_IsAnErrorNamingTheFile()
    {
        await using var lake = await FixtureLake.CreateAsync();
        var missing = FixtureLake.Location("spark/bunnies", "v9.metadata.json");
        await using (var catalog = await JdbcCatalog.OpenAsync(lake.CatalogOptions, Ct))
        {
            await catalog.CreateTableAsync(new("spark", "gone"), missing, Ct);
        }

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync("SELECT * FROM spark.gone", cancellationToken: Ct));

        Assert.Equal(LakehouseSqlErrorKind.TableUnreadable, e.Kind);
        Assert.Equal(missing, e.File);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
        Assert.Contains("spark.gone", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_RemoteLocationWithoutAPrefixMapping_SaysHowToReachIt()
    {
        await using var lake = await FixtureLake.CreateAsync();
        await using var catalog = await JdbcCatalog.OpenAsync(lake.CatalogOptions, Ct);
        await using var unmapped = LakehouseSql.Over(catalog, new LocalIcebergFileIO());

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => unmapped.QueryAsync("SELECT count(*) FROM java.bunnies", cancellationToken: Ct));

        Assert.Equal(LakehouseSqlErrorKind.TableUnreadable, e.Kind);
        Assert.Equal(FixtureLake.Location("java/bunnies", "v5.metadata.json"), e.File);
        Assert.Contains("--location-prefix", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_AsOfForATableTheSqlDoesNotReference_IsAnError()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync("SELECT count(*) FROM spark.bunnies",
            new Dictionary<string, TableVersion> { ["java.bunnies"] = TableVersion.Snapshot(1) }, Ct));

        Assert.Equal(LakehouseSqlErrorKind.InvalidTimeTravel, e.Kind);
        Assert.Contains("java.bunnies", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteReaderAsync_StreamsTheRowsWithTheColumns()
    {
        await using var lake = await FixtureLake.CreateAsync();

        await using var reader = await lake.Sql.ExecuteReaderAsync("SELECT \"Breed Name\", \"Popularity Rank\" FROM java.bunnies ORDER BY \"Popularity Rank\"", cancellationToken: Ct);
        var rows = new List<object?[]>();
        await foreach (var row in reader.ReadAsync(Ct))
        {
            rows.Add(row);
        }

        Assert.Equal(["Breed Name", "Popularity Rank"], reader.Columns.Select(c => c.Name));
        Assert.Equal("bigint", reader.Columns[1].Type);
        Assert.Equal(15, rows.Count);
        Assert.Equal([0L, "New Zealand"], [rows[0][1], rows[0][0]]);
    }

    [Fact]
    public async Task QueryAsync_AfterATableIsDropped_ItsViewFromAnEarlierQueryIsNotReused()
    {
        await using var lake = await FixtureLake.CreateAsync();
        Assert.Equal(2L, Assert.Single((await lake.Sql.QueryAsync("SELECT count(*) FROM athena.example", cancellationToken: Ct)).Rows)[0]);

        await lake.Sql.Catalog.DropTableAsync(new TableIdentifier("athena", "example"), Ct);

        // The pooled connection still has the earlier query's catalog attached; its views must be gone.
        for (var i = 0; i < 6; i++)
        {
            var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync("SELECT count(*) FROM athena.example", cancellationToken: Ct));
            Assert.Equal(LakehouseSqlErrorKind.UnknownTable, e.Kind);
        }
    }

    [Fact]
    public async Task QueryAsync_TablesAQueryCreated_AreNotSeenByTheNextQuery()
    {
        await using var lake = await FixtureLake.CreateAsync();
        await lake.Sql.QueryAsync("SELECT count(*) FROM athena.example", cancellationToken: Ct);

        await lake.Sql.QueryAsync("CREATE TABLE scratch AS SELECT id FROM athena.example; SELECT count(*) FROM scratch", cancellationToken: Ct);

        for (var i = 0; i < 6; i++)
        {
            var e = await Assert.ThrowsAsync<LakehouseSqlException>(() => lake.Sql.QueryAsync("SELECT count(*) FROM scratch", cancellationToken: Ct));
            Assert.Contains("scratch", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task QueryAsync_ConcurrentQueriesAtDifferentSnapshots_EachSeeTheirOwn()
    {
        await using var lake = await FixtureLake.CreateAsync();

        // Pooled connections are shared in turn: a view left by a query at one snapshot must never answer another.
        var counts = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => Task.Run(async () =>
        {
            var sql = i % 2 == 0 ? "SELECT count(*) FROM spark.bunnies" : "SELECT count(*) FROM spark.bunnies FOR VERSION AS OF 7505300640432048841";
            return (Expected: i % 2 == 0 ? 20L : 21L, Actual: Assert.Single((await lake.Sql.QueryAsync(sql, cancellationToken: Ct)).Rows)[0]);
        }, Ct)));

        Assert.All(counts, c => Assert.Equal(c.Expected, c.Actual));
    }

    [Fact]
    public async Task QueryAsync_Script_RunsEachStatementOnceAndReturnsTheLastResult()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var result = await lake.Sql.QueryAsync(
            "CREATE TABLE n AS SELECT count(*) AS c FROM athena.example; INSERT INTO n SELECT c FROM n; SELECT count(*), sum(c) FROM n",
            cancellationToken: Ct);
        var frame = (await lake.Sql.QueryAsync("SELECT id, name FROM athena.example ORDER BY id", cancellationToken: Ct)).ToDataFrame();

        Assert.Equal([2L, 4L], Assert.Single(result.Rows));
        Assert.Equal("Bob", frame.Columns["name"][1]);
        Assert.Equal(2L, frame.Rows.Count);
    }

    [Fact]
    public async Task QueryAsync_ValueTypes_AreTheClrTypesOfQueryResult()
    {
        await using var lake = await FixtureLake.CreateAsync();

        var row = Assert.Single((await lake.Sql.QueryAsync(
            "SELECT 7::INTEGER, 8::BIGINT, 1.5::DOUBLE, 12.34::DECIMAL(10, 2), true, 'x', DATE '2024-03-07', " +
            "TIMESTAMP '2024-03-07 10:11:12.125', '\\x01\\x02'::BLOB, [1, 2], NULL::INTEGER, '2024-03-07 10:11:12+00'::TIMESTAMPTZ", cancellationToken: Ct)).Rows);

        Assert.Equal(7, row[0]);
        Assert.Equal(8L, row[1]);
        Assert.Equal(1.5, row[2]);
        Assert.Equal(12.34m, row[3]);
        Assert.Equal(true, row[4]);
        Assert.Equal("x", row[5]);
        Assert.Equal(new DateOnly(2024, 3, 7), row[6]);
        var ts = Assert.IsType<DateTime>(row[7]);
        Assert.Equal(new DateTime(2024, 3, 7, 10, 11, 12, 125, DateTimeKind.Utc), ts);
        Assert.Equal(DateTimeKind.Utc, ts.Kind);
        Assert.Equal([1, 2], Assert.IsType<byte[]>(row[8]));
        Assert.Equal(2, Assert.IsType<object?[]>(row[9]).Length);
        Assert.Null(row[10]);
        Assert.Equal(new DateTimeOffset(2024, 3, 7, 10, 11, 12, TimeSpan.Zero), Assert.IsType<DateTimeOffset>(row[11]));
    }
}

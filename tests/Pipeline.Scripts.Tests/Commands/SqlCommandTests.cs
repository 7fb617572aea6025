using System.Text.Json;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Tests.Support;
using TempDirectory = Pipeline.Scripts.Tests.TempDirectory;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary><c>pipeline sql</c> over a SQLite catalog holding fixture tables written by Java Iceberg, Spark and Athena.</summary>
public sealed class SqlCommandTests
{
    private const string Bucket = "hyperparam-iceberg";

    [Fact]
    public async Task Sql_DefaultFormat_PrintsAnAlignedTableWithARowCount()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT id, name FROM athena.example ORDER BY id", .. args]);

        Assert.True(exit == 0, error);
        Assert.Equal(
            """
            id | name
            ---+------
             1 | Alice
             2 | Bob
            (2 rows)

            """.ReplaceLineEndings(Environment.NewLine),
            output);
    }

    [Fact]
    public async Task Sql_Csv_QuotesAndLeavesNullsEmpty()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT id, name, event_date, price FROM spark.rename_column WHERE id IN (2, 3) ORDER BY id", "--format", "csv", .. args]);

        Assert.True(exit == 0, error);
        Assert.Equal("id,name,event_date,price\r\n2,Mopsy–Naïve,2022-01-01,-5.00\r\n3,Cottontail,,0.00\r\n", output);
    }

    [Fact]
    public async Task Sql_Json_OneObjectPerRowWithTypedValues()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT \"Breed Name\", \"Popularity Rank\", __happy__ FROM java.bunnies WHERE \"Breed Name\" = 'New Zealand'", "--format", "json", .. args]);

        Assert.True(exit == 0, error);
        var row = Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.Equal("New Zealand", row.GetProperty("Breed Name").GetString());
        Assert.Equal(0, row.GetProperty("Popularity Rank").GetInt64());
        Assert.True(row.GetProperty("__happy__").GetBoolean());
    }

    [Fact]
    public async Task Sql_AsOfSnapshotAndMaxRows_ReadTheEarlierSnapshotAndCapTheOutput()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT count(*) AS n FROM java.bunnies", "--as-of-snapshot", JavaFirstSnapshot(), "--format", "csv", .. args]);
        var (tag, tagOutput, tagError) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT count(*) AS n FROM java.bunnies", "--as-of-tag", "main", "--format", "csv", .. args]);
        var (both, _, bothError) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT count(*) AS n FROM java.bunnies", "--as-of-tag", "main", "--as-of-snapshot", "1", .. args]);
        var (capped, cappedOutput, cappedError) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT \"Breed Name\" FROM java.bunnies", "--max-rows", "3", .. args]);

        Assert.True(exit == 0, error);
        Assert.Equal("n\r\n21\r\n", output);
        Assert.True(tag == 0, tagError);
        Assert.Equal("n\r\n15\r\n", tagOutput);
        Assert.Equal(3, both);
        Assert.Contains("exclude each other", bothError, StringComparison.Ordinal);
        Assert.True(capped == 0, cappedError);
        Assert.Equal(6, cappedOutput.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("(first 3 rows; more not shown)", cappedOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_UnknownTableAndBadSql_ExitTwoWithOneClearLine()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (unknown, _, unknownError) = await CliRunner.RunWithOutputAsync(["sql", "SELECT * FROM athena.missing", .. args]);
        var (bad, _, badError) = await CliRunner.RunWithOutputAsync(["sql", "SELECT FROM WHERE", .. args]);
        var (badPrefix, _, prefixError) = await CliRunner.RunWithOutputAsync(["sql", "SELECT 1", "--location-prefix", "nodir", .. args]);

        Assert.Equal(2, unknown);
        Assert.Contains("error (UnknownTable)", unknownError, StringComparison.Ordinal);
        Assert.Contains("athena.example, java.bunnies, spark.rename_column", unknownError, StringComparison.Ordinal);
        Assert.Equal(2, bad);
        Assert.Contains("error (InvalidSql): DuckDB: Parser Error", badError, StringComparison.Ordinal);
        Assert.Contains("SELECT FROM WHERE", badError, StringComparison.Ordinal);
        Assert.Equal(3, badPrefix);
        Assert.Contains("'nodir' is not PREFIX=DIR", prefixError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sql_Explain_SaysWhatEachTableReadAndWhatPrunedIt()
    {
        using var dir = new TempDirectory();
        var args = await CatalogArgsAsync(dir);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync(
            ["sql", "SELECT name FROM athena.example WHERE id = 1", "--format", "csv", "--explain", .. args]);

        Assert.True(exit == 0, error);
        Assert.Equal("name\nAlice\n", output.ReplaceLineEndings("\n"));
        Assert.Matches(@"athena\.example @ snapshot \d+: \d+ data file\(s\) read, \d+ pruned by bounds, \d+ of \d+ manifest\(s\) skipped; pruned by id = 1", error);
    }

    /// <summary>Registers the fixture tables in a SQLite catalog under <paramref name="dir"/>; returns the options that reach them.</summary>
    private static async Task<string[]> CatalogArgsAsync(TempDirectory dir)
    {
        var folder = Fixtures.Path("iceberg/" + Bucket);
        var database = dir.Combine("catalog.db");
        var ct = TestContext.Current.CancellationToken;
        await using (var catalog = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.Sqlite(database), ct))
        {
            await catalog.CreateNamespaceAsync("athena", cancellationToken: ct);
            await catalog.CreateNamespaceAsync("java", cancellationToken: ct);
            await catalog.CreateNamespaceAsync("spark", cancellationToken: ct);
            await catalog.CreateTableAsync(new("athena", "example"), $"s3://{Bucket}/athena/example/metadata/00001-aaf0d033-d06b-43c7-be60-67f83abd4aca.metadata.json", ct);
            await catalog.CreateTableAsync(new("java", "bunnies"), $"s3a://{Bucket}/java/bunnies/metadata/v5.metadata.json", ct);
            await catalog.CreateTableAsync(new("spark", "rename_column"), $"s3a://{Bucket}/spark/rename_column/metadata/v3.metadata.json", ct);
        }
        return ["--catalog", database, "--location-prefix", $"s3://{Bucket}/={folder}", "--location-prefix", $"s3a://{Bucket}/={folder}"];
    }

    // The Java table's first snapshot (21 rows, before any delete), read from its v5 metadata.
    private static string JavaFirstSnapshot()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Fixtures.Path($"iceberg/{Bucket}/java/bunnies/metadata/v5.metadata.json")));
        return json.RootElement.GetProperty("snapshots").EnumerateArray()
            .OrderBy(s => s.GetProperty("timestamp-ms").GetInt64())
            .First().GetProperty("snapshot-id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}

using System.Buffers.Binary;
using DuckDB.NET.Data;
using TickKernelExtensions.Columnar.Format;
using TickKernelExtensions.Tests.Support;

namespace TickKernelExtensions.Tests.Columnar.Format;

/// <summary>The footer schema reader against DuckDB's <c>parquet_schema()</c> on files other writers made, and on bad files.</summary>
public sealed class ParquetFooterSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("footer-schema-").FullName;

    [Fact]
    public void Read_EveryFixtureIcebergFile_EqualsDuckDbParquetSchema()
    {
        // Data and delete files written by Spark, Java (iceberg-core) and Athena.
        var files = Directory.GetFiles(Fixtures.Path("iceberg"), "*.parquet", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var ours = ParquetFooterSchema.Read(file);
            Assert.True(ours.Count > 1, file);
            Assert.Equal(DuckDbSchema(file), Shape(ours));
            AssertTypesAsDuckDbReads(file, ours);
        }
    }

    [Fact]
    public void Read_NestedColumnsWithFieldIds_EqualsDuckDbParquetSchema()
    {
        var file = Path.Combine(_folder, "nested.parquet");
        Execute($$$"""
            COPY (SELECT 1 AS id, {'a': 2.5, 'b': 'x'} AS s, [1, 2, 3] AS l, MAP {'k': 1} AS m, NULL::VARCHAR AS plain)
            TO '{{{file}}}' (FORMAT parquet, FIELD_IDS {id: 1, s: {__duckdb_field_id: 2, a: 3, b: 4}, l: {__duckdb_field_id: 5, element: 6}, m: {__duckdb_field_id: 7, key: 8, value: 9}})
            """);

        var ours = ParquetFooterSchema.Read(file);

        Assert.Equal(DuckDbSchema(file), Shape(ours));
        Assert.Contains(new ParquetSchemaNode("s", 2, 2), ours);
        Assert.Contains(new ParquetSchemaNode("plain", null, 0, "VARCHAR"), ours);
        AssertTypesAsDuckDbReads(file, ours);
    }

    [Fact]
    public void Read_ManyColumnsAndRowGroups_EqualsDuckDbParquetSchema()
    {
        // Over 15 schema elements (the list's long header) and several row groups after the schema.
        var file = Path.Combine(_folder, "wide.parquet");
        var columns = string.Join(", ", Enumerable.Range(0, 40).Select(i => $"x + {i} AS c{i}"));
        Execute($"COPY (SELECT {columns} FROM range(5000) t(x)) TO '{file}' (FORMAT parquet, ROW_GROUP_SIZE 1000)");

        Assert.Equal(DuckDbSchema(file), Shape(ParquetFooterSchema.Read(file)));
    }

    [Fact]
    public void Read_CommonTypes_NamesTheTypeDuckDbReads()
    {
        var file = Path.Combine(_folder, "types.parquet");
        Execute($"""
            COPY (SELECT true AS b, 1::INTEGER AS i, 2::BIGINT AS l, 1.5::FLOAT AS f, 2.5::DOUBLE AS d, 'x' AS s,
                DATE '2024-01-02' AS dt, TIMESTAMP '2024-01-02 03:04:05' AS ts, TIMESTAMPTZ '2024-01-02 03:04:05+00' AS tstz,
                1.25::DECIMAL(9, 2) AS dec, 3::SMALLINT AS small, 4::UINTEGER AS unsigned, TIME '01:02:03' AS t, 'x'::BLOB AS bin,
                [1] AS list)
            TO '{file}' (FORMAT parquet)
            """);

        var types = ParquetFooterSchema.TopLevel(ParquetFooterSchema.Read(file)).ToDictionary(n => n.Name, n => n.DuckDbType);

        Assert.Equal("BOOLEAN", types["b"]);
        Assert.Equal("INTEGER", types["i"]);
        Assert.Equal("BIGINT", types["l"]);
        Assert.Equal("FLOAT", types["f"]);
        Assert.Equal("DOUBLE", types["d"]);
        Assert.Equal("VARCHAR", types["s"]);
        Assert.Equal("DATE", types["dt"]);
        Assert.Equal("TIMESTAMP", types["ts"]);
        Assert.Equal("TIMESTAMPTZ", types["tstz"]);
        // Not named: a reader must not assume these.
        Assert.All(new[] { "dec", "small", "unsigned", "t", "bin", "list" }, name => Assert.Null(types[name]));
        AssertTypesAsDuckDbReads(file, ParquetFooterSchema.Read(file));
    }

    [Fact]
    public async Task Read_OurTickFile_NamesItsTypes()
    {
        var file = Path.Combine(_folder, "ticks.parquet");
        var ticks = new TickKernelExtensions.Market.TickColumns(2);
        ticks.Add(1_700_000_000_000_000, 1.1, 1.2, 1f, 2f);
        ticks.Add(1_700_000_000_000_100, 1.1, 1.3, 1f, 2f);
        await using (var stream = File.Create(file))
        {
            await using var writer = await TickKernelExtensions.Columnar.TickParquetWriter.CreateAsync(stream, "EURUSD", null, TestContext.Current.CancellationToken);
            await writer.WriteAsync(ticks, TestContext.Current.CancellationToken);
            await writer.CompleteAsync(TestContext.Current.CancellationToken);
        }

        var nodes = ParquetFooterSchema.Read(file);

        Assert.Contains(nodes, n => n.Name == "ts" && n.DuckDbType == "TIMESTAMPTZ");
        Assert.Contains(nodes, n => n.Name == "bid" && n.DuckDbType == "DOUBLE");
        AssertTypesAsDuckDbReads(file, nodes);
    }

    [Theory]
    [InlineData("empty", "0 bytes is too short")]
    [InlineData("short", "is too short")]
    [InlineData("magic", "does not end with the magic PAR1")]
    [InlineData("encrypted", "the footer is encrypted (PARE)")]
    [InlineData("length", "does not fit in a file of")]
    [InlineData("thrift", "Malformed Thrift compact data")]
    public void Read_BadFile_ThrowsFormatExceptionNamingTheFile(string kind, string expected)
    {
        var good = Path.Combine(_folder, "good.parquet");
        Execute($"COPY (SELECT 1 AS a) TO '{good}' (FORMAT parquet)");
        var bytes = File.ReadAllBytes(good);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        byte[] bad = kind switch
        {
            "empty" => [],
            "short" => "PAR1PAR1"u8.ToArray(),
            "magic" => [.. bytes[..^4], .. "PAR2"u8.ToArray()],
            "encrypted" => [.. bytes[..^4], .. "PARE"u8.ToArray()],
            "length" => [.. bytes[..^8], .. BitConverter.GetBytes(bytes.Length), .. "PAR1"u8.ToArray()],
            // The footer's first bytes replaced by a field header of an unknown type (13).
            _ => Corrupt(bytes, bytes.Length - 8 - footerLength),
        };
        var path = Path.Combine(_folder, kind + ".parquet");
        File.WriteAllBytes(path, bad);

        var e = Assert.Throws<FormatException>(() => ParquetFooterSchema.Read(path));

        Assert.StartsWith(path + ": not a readable Parquet file: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound() =>
        Assert.Throws<FileNotFoundException>(() => ParquetFooterSchema.Read(Path.Combine(_folder, "absent.parquet")));

    [Fact]
    public void Parse_FooterWithoutSchema_SaysSo()
    {
        byte[] footer = [0x15, 0x02, 0x00]; // version = 1, stop
        var e = Assert.Throws<FormatException>(() => ParquetFooterSchema.Parse(footer, "f.parquet"));
        Assert.Equal("f.parquet: not a readable Parquet file: the footer has no schema.", e.Message);
    }

    private static List<ParquetSchemaNode> Shape(List<ParquetSchemaNode> nodes) => nodes.Select(n => n with { DuckDbType = null }).ToList();

    // Every top-level column given a type reads as that type in DuckDB; at least one is given one.
    private static void AssertTypesAsDuckDbReads(string file, List<ParquetSchemaNode> nodes)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{file.Replace("'", "''", StringComparison.Ordinal)}', hive_partitioning = false))";
        using var reader = command.ExecuteReader();
        var described = new Dictionary<string, string>();
        while (reader.Read())
        {
            // DESCRIBE spells TIMESTAMPTZ out.
            described[reader.GetString(0)] = reader.GetString(1) == "TIMESTAMP WITH TIME ZONE" ? "TIMESTAMPTZ" : reader.GetString(1);
        }
        var topLevel = ParquetFooterSchema.TopLevel(nodes);
        Assert.Equal(described.Keys.Order(), topLevel.Select(n => n.Name).Order());
        Assert.Contains(topLevel, n => n.DuckDbType is not null);
        foreach (var node in topLevel.Where(n => n.DuckDbType is not null))
        {
            Assert.True(described[node.Name] == node.DuckDbType, $"{file}: column {node.Name}: ours {node.DuckDbType}, DuckDB {described[node.Name]}");
        }
    }

    private static byte[] Corrupt(byte[] bytes, int footerStart)
    {
        var copy = bytes.ToArray();
        copy[footerStart] = 0x1D;
        return copy;
    }

    private static List<ParquetSchemaNode> DuckDbSchema(string file)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name, field_id, num_children FROM parquet_schema('{file.Replace("'", "''", StringComparison.Ordinal)}')";
        using var reader = command.ExecuteReader();
        var nodes = new List<ParquetSchemaNode>();
        while (reader.Read())
        {
            nodes.Add(new ParquetSchemaNode(reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToInt32(reader.GetValue(1)),
                reader.IsDBNull(2) ? 0 : Convert.ToInt32(reader.GetValue(2))));
        }
        return nodes;
    }

    private static void Execute(string sql)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

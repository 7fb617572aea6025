using System.Diagnostics;
using TickKernelExtensions.Lakehouse.Deploy;

namespace TickKernelExtensions.Tests.Lakehouse.Deploy;

public sealed class EngineCatalogFilesTests
{
    private static readonly EngineCatalogSettings Settings = new()
    {
        CatalogName = "research",
        JdbcUrl = EngineCatalogSettings.JdbcUrlOf("Host=db.internal;Port=6543;Database=lakecat;Username=iceberg;Password=hunter2"),
        Warehouse = "s3://quant-lake/warehouse",
        S3Endpoint = "http://minio.internal:9000",
    };

    [Fact]
    public void JdbcUrlOf_NpgsqlConnectionString_HostPortDatabaseOnly()
    {
        Assert.Equal("jdbc:postgresql://db.internal:6543/lakecat", Settings.JdbcUrl);
        Assert.Equal("jdbc:postgresql://pg:5432/lake", EngineCatalogSettings.JdbcUrlOf("Server=pg;Database=lake"));
    }

    [Fact]
    public void TrinoCatalog_IcebergJdbcCatalogOnS3_SecretsAsEnvReferences()
    {
        var properties = Parse(EngineCatalogFiles.Render(Settings)["trino/catalog/research.properties"], '=');

        Assert.Equal("iceberg", properties["connector.name"]);
        Assert.Equal("jdbc", properties["iceberg.catalog.type"]);
        Assert.Equal("research", properties["iceberg.jdbc-catalog.catalog-name"]);
        Assert.Equal("org.postgresql.Driver", properties["iceberg.jdbc-catalog.driver-class"]);
        Assert.Equal("jdbc:postgresql://db.internal:6543/lakecat", properties["iceberg.jdbc-catalog.connection-url"]);
        Assert.Equal("${ENV:TICK_CATALOG_PASSWORD}", properties["iceberg.jdbc-catalog.connection-password"]);
        Assert.Equal("s3://quant-lake/warehouse", properties["iceberg.jdbc-catalog.default-warehouse-dir"]);
        Assert.Equal("true", properties["fs.native-s3.enabled"]);
        Assert.Equal("http://minio.internal:9000", properties["s3.endpoint"]);
        Assert.Equal("true", properties["s3.path-style-access"]);
        Assert.Equal("${ENV:AWS_SECRET_ACCESS_KEY}", properties["s3.aws-secret-key"]);
    }

    [Fact]
    public void SparkDefaults_SparkCatalogOnJdbcWithS3FileIO_NoSecrets()
    {
        var conf = Parse(EngineCatalogFiles.Render(Settings)["spark/spark-defaults.conf"], ' ');

        Assert.Equal("org.apache.iceberg.spark.SparkCatalog", conf["spark.sql.catalog.research"]);
        Assert.Equal("jdbc", conf["spark.sql.catalog.research.type"]);
        Assert.Equal("jdbc:postgresql://db.internal:6543/lakecat", conf["spark.sql.catalog.research.uri"]);
        Assert.Equal("s3://quant-lake/warehouse", conf["spark.sql.catalog.research.warehouse"]);
        Assert.Equal("org.apache.iceberg.aws.s3.S3FileIO", conf["spark.sql.catalog.research.io-impl"]);
        Assert.Equal("http://minio.internal:9000", conf["spark.sql.catalog.research.s3.endpoint"]);
        Assert.Contains("iceberg-spark-runtime-3.5_2.12:1.9.2", conf["spark.jars.packages"], StringComparison.Ordinal);
        Assert.DoesNotContain(conf.Keys, k => k.Contains("password", StringComparison.Ordinal) || k.Contains("secret", StringComparison.Ordinal));
        Assert.All(EngineCatalogFiles.Render(Settings).Values, text => Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal));
    }

    [Fact]
    public void SparkSecrets_SourcedWithEnvironment_ExportsConfArguments()
    {
        using var dir = new TempDirectory();
        var script = dir.Combine("catalog-secrets.sh");
        File.WriteAllText(script, EngineCatalogFiles.Render(Settings)["spark/catalog-secrets.sh"]);

        var (exit, output) = Sh($". '{script}' && printf '%s' \"$TICK_SPARK_SECRETS\"",
            ("TICK_CATALOG_USER", "iceberg"), ("TICK_CATALOG_PASSWORD", "s3cr3t"), ("AWS_ACCESS_KEY_ID", "AK"), ("AWS_SECRET_ACCESS_KEY", "SK"));

        Assert.Equal(0, exit);
        Assert.Equal("--conf spark.sql.catalog.research.jdbc.user=iceberg --conf spark.sql.catalog.research.jdbc.password=s3cr3t "
            + "--conf spark.sql.catalog.research.s3.access-key-id=AK --conf spark.sql.catalog.research.s3.secret-access-key=SK", output);
    }

    [Fact]
    public void SparkSecrets_VariableMissing_FailsNamingIt()
    {
        using var dir = new TempDirectory();
        var script = dir.Combine("catalog-secrets.sh");
        File.WriteAllText(script, EngineCatalogFiles.Render(Settings)["spark/catalog-secrets.sh"]);

        var (exit, output) = Sh($". '{script}'", ("TICK_CATALOG_USER", "iceberg"));

        Assert.NotEqual(0, exit);
        Assert.Contains("set TICK_CATALOG_PASSWORD to the catalog database password", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_BadSettings_EveryProblemInOneMessage()
    {
        var bad = new EngineCatalogSettings { CatalogName = "lake; DROP", JdbcUrl = "jdbc:sqlite:catalog.db", Warehouse = "/tmp/wh", JdbcPasswordVariable = "PASS WORD" };

        var error = Assert.Throws<ArgumentException>(() => EngineCatalogFiles.Render(bad));

        Assert.Contains("CatalogName: expected letters, digits and '_' starting with a letter, got 'lake; DROP'", error.Message, StringComparison.Ordinal);
        Assert.Contains("JdbcUrl: expected jdbc:postgresql://", error.Message, StringComparison.Ordinal);
        Assert.Contains("Warehouse: expected an s3:// location, got '/tmp/wh'", error.Message, StringComparison.Ordinal);
        Assert.Contains("JdbcPasswordVariable: expected an environment variable name, got 'PASS WORD'", error.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Parse(string text, char separator) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.StartsWith('#'))
            .Select(l => l.Split(separator, 2))
            .ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);

    private static (int Exit, string Output) Sh(string command, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(command);
        foreach (var name in new[] { "TICK_CATALOG_USER", "TICK_CATALOG_PASSWORD", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY" })
        {
            info.Environment.Remove(name);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result + error.Result);
    }
}

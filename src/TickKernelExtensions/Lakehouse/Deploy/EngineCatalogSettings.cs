namespace TickKernelExtensions.Lakehouse.Deploy;

/// <summary>
/// What Trino and Spark need to see our lakehouse: the same Iceberg JDBC catalog (PostgreSQL) and warehouse (S3) the
/// workbench writes. Secrets are never values here: only the names of the environment variables that hold them, which
/// Trino expands itself (<c>${ENV:NAME}</c>) and the Spark launcher script expands when it runs.
/// </summary>
public sealed record EngineCatalogSettings
{
    /// <summary>The catalog name: <c>iceberg_tables.catalog_name</c>, Trino's catalog file name and Spark's catalog name (default <c>lake</c>).</summary>
    public string CatalogName { get; init; } = "lake";

    /// <summary>The catalog database as a JDBC URL (default <c>jdbc:postgresql://postgres:5432/lake</c>).</summary>
    public string JdbcUrl { get; init; } = "jdbc:postgresql://postgres:5432/lake";

    /// <summary>The environment variable with the catalog database user (default <c>TICK_CATALOG_USER</c>).</summary>
    public string JdbcUserVariable { get; init; } = "TICK_CATALOG_USER";

    /// <summary>The environment variable with the catalog database password (default <c>TICK_CATALOG_PASSWORD</c>).</summary>
    public string JdbcPasswordVariable { get; init; } = "TICK_CATALOG_PASSWORD";

    /// <summary>Where new tables go (default <c>s3://tick-lake/lake</c>).</summary>
    public string Warehouse { get; init; } = "s3://tick-lake/lake";

    /// <summary>The S3 endpoint for S3-compatible stores (MinIO); null for AWS itself (default <c>http://minio:9000</c>).</summary>
    public string? S3Endpoint { get; init; } = "http://minio:9000";

    /// <summary>The S3 region (default <c>us-east-1</c>).</summary>
    public string S3Region { get; init; } = "us-east-1";

    /// <summary>Path-style addressing, which MinIO and most S3-compatible stores need (default true).</summary>
    public bool S3PathStyle { get; init; } = true;

    /// <summary>The environment variable with the S3 access key (default <c>AWS_ACCESS_KEY_ID</c>).</summary>
    public string S3AccessKeyVariable { get; init; } = "AWS_ACCESS_KEY_ID";

    /// <summary>The environment variable with the S3 secret key (default <c>AWS_SECRET_ACCESS_KEY</c>).</summary>
    public string S3SecretKeyVariable { get; init; } = "AWS_SECRET_ACCESS_KEY";

    /// <summary>The Iceberg release whose Spark runtime and AWS bundle Spark loads (default 1.9.2).</summary>
    public string IcebergVersion { get; init; } = "1.9.2";

    /// <summary>The PostgreSQL JDBC driver release Spark loads (default 42.7.4).</summary>
    public string PostgresDriverVersion { get; init; } = "42.7.4";

    /// <summary>Every problem with these settings, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IsName(CatalogName))
        {
            problems.Add($"CatalogName: expected letters, digits and '_' starting with a letter, got '{CatalogName}'");
        }
        if (!JdbcUrl.StartsWith("jdbc:postgresql://", StringComparison.Ordinal))
        {
            problems.Add($"JdbcUrl: expected jdbc:postgresql://host:port/database (Trino and Spark interoperate through PostgreSQL), got '{JdbcUrl}'");
        }
        if (!Warehouse.StartsWith("s3://", StringComparison.Ordinal) && !Warehouse.StartsWith("s3a://", StringComparison.Ordinal))
        {
            problems.Add($"Warehouse: expected an s3:// location, got '{Warehouse}'");
        }
        if (S3Endpoint is not null && !Uri.TryCreate(S3Endpoint, UriKind.Absolute, out _))
        {
            problems.Add($"S3Endpoint: expected an absolute URL, got '{S3Endpoint}'");
        }
        foreach (var (field, value) in new[]
                 {
                     (nameof(JdbcUserVariable), JdbcUserVariable), (nameof(JdbcPasswordVariable), JdbcPasswordVariable),
                     (nameof(S3AccessKeyVariable), S3AccessKeyVariable), (nameof(S3SecretKeyVariable), S3SecretKeyVariable),
                 })
        {
            if (!IsName(value))
            {
                problems.Add($"{field}: expected an environment variable name, got '{value}'");
            }
        }
        return problems;
    }

    /// <summary>The JDBC URL of an Npgsql connection string (Host, Port, Database); user and password stay out of it.</summary>
    public static string JdbcUrlOf(string npgsqlConnectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = npgsqlConnectionString };
        string? Get(string key) => builder.TryGetValue(key, out var v) ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) : null;
        var host = Get("Host") ?? Get("Server") ?? throw new ArgumentException("The connection string has no Host.", nameof(npgsqlConnectionString));
        var port = Get("Port") ?? "5432";
        var database = Get("Database") ?? throw new ArgumentException("The connection string has no Database.", nameof(npgsqlConnectionString));
        return $"jdbc:postgresql://{host}:{port}/{database}";
    }

    private static bool IsName(string value) =>
        value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}

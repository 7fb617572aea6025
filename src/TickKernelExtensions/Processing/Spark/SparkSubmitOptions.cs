using System.Globalization;
using TickKernelExtensions.Lakehouse.Deploy;

namespace TickKernelExtensions.Processing.Spark;

/// <summary>
/// How <c>pipeline spark submit</c> launches the production job: through <c>spark-submit</c> or a Livy batch. The
/// catalog, S3 and package settings come from <see cref="Catalog"/>, the same settings <c>pipeline deploy-config</c>
/// renders into <c>deploy/spark/spark-defaults.conf</c>; secrets stay environment variable names. Paths are relative to
/// the working directory (the repository root) unless absolute. Every property has a documented default;
/// <see cref="Problems"/> reports every bad field at once.
/// </summary>
public sealed record SparkSubmitOptions
{
    /// <summary>The defaults.</summary>
    public static SparkSubmitOptions Default { get; } = new();

    /// <summary>Spark's master URL (default <c>local[*]</c>; <c>yarn</c>, <c>k8s://…</c>, <c>spark://host:7077</c> on a cluster).</summary>
    public string Master { get; init; } = "local[*]";

    /// <summary><c>client</c> (default: the driver runs where spark-submit runs) or <c>cluster</c>.</summary>
    public string DeployMode { get; init; } = "client";

    /// <summary>The properties file with the catalog settings (default <c>deploy/spark/spark-defaults.conf</c>).</summary>
    public string PropertiesFile { get; init; } = "deploy/spark/spark-defaults.conf";

    /// <summary>
    /// The PySpark job (default <c>deploy/spark/jobs/tick_pipeline.py</c>). For Livy it must be a location the Livy server
    /// can read (<c>s3a://…</c>, <c>hdfs://…</c>, <c>local:/…</c>).
    /// </summary>
    public string JobFile { get; init; } = "deploy/spark/jobs/tick_pipeline.py";

    /// <summary>The application name prefix; the step is appended (default <c>tick-pipeline</c> → <c>tick-pipeline-silver</c>).</summary>
    public string ApplicationName { get; init; } = "tick-pipeline";

    /// <summary>The catalog, warehouse, S3 and package versions (default <see cref="EngineCatalogSettings"/>'s defaults).</summary>
    public EngineCatalogSettings Catalog { get; init; } = new();

    /// <summary>How often a Livy batch's state is asked for (default 5 s; 0 to 10 min).</summary>
    public TimeSpan LivyPollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Consecutive failed state requests (connection errors, 408, 429, 5xx) tolerated while a Livy batch runs, each
    /// followed by the usual poll wait (default 3; 0 to 100). The batch keeps running on the server meanwhile.
    /// </summary>
    public int LivyStateRetries { get; init; } = 3;

    /// <summary>Log lines fetched from Livy when a batch ends other than <c>success</c> (default 100; 0 to 10,000).</summary>
    public int LivyLogLines { get; init; } = 100;

    /// <summary>The Maven coordinates Spark loads: Iceberg's Spark 3.5 runtime, its AWS bundle and the PostgreSQL driver.</summary>
    public IReadOnlyList<string> Packages =>
    [
        $"org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:{Catalog.IcebergVersion}",
        $"org.apache.iceberg:iceberg-aws-bundle:{Catalog.IcebergVersion}",
        $"org.postgresql:postgresql:{Catalog.PostgresDriverVersion}",
    ];

    /// <summary>Every problem with these options, all at once; empty when they are usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Master))
        {
            problems.Add("Master: expected a Spark master URL such as local[*], yarn or spark://host:7077, got an empty value");
        }
        if (DeployMode is not ("client" or "cluster"))
        {
            problems.Add($"DeployMode: expected client or cluster, got '{DeployMode}'");
        }
        if (string.IsNullOrWhiteSpace(PropertiesFile))
        {
            problems.Add("PropertiesFile: expected a path, got an empty value");
        }
        if (string.IsNullOrWhiteSpace(JobFile))
        {
            problems.Add("JobFile: expected a path or URI, got an empty value");
        }
        if (string.IsNullOrWhiteSpace(ApplicationName))
        {
            problems.Add("ApplicationName: expected a name, got an empty value");
        }
        if (LivyPollInterval < TimeSpan.Zero || LivyPollInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"LivyPollInterval: expected 0 to 00:10:00, got {LivyPollInterval}"));
        }
        if (LivyStateRetries is < 0 or > 100)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"LivyStateRetries: expected 0 to 100, got {LivyStateRetries}"));
        }
        if (LivyLogLines is < 0 or > 10_000)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"LivyLogLines: expected 0 to 10,000, got {LivyLogLines}"));
        }
        if (Catalog is null)
        {
            problems.Add("Catalog: expected engine catalog settings, got null");
        }
        else
        {
            problems.AddRange(Catalog.Problems().Select(p => "Catalog." + p));
        }
        return problems;
    }
}

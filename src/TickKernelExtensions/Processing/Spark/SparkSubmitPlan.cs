using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TickKernelExtensions.Lakehouse.Deploy;

namespace TickKernelExtensions.Processing.Spark;

/// <summary>
/// One run of the production Spark job, as a <c>spark-submit</c> command line and as a Livy <c>POST /batches</c> body.
/// Built from <see cref="SparkSubmitOptions"/>: master and deploy mode, the Iceberg runtime, AWS bundle and PostgreSQL
/// driver packages, <c>--properties-file</c> with the catalog settings, the catalog secrets as <c>--conf</c> values read
/// from environment variables, the job file, the step and its arguments. Printing a plan never reveals a secret: the
/// command shows <c>"$VARIABLE"</c> and the Livy body <c>${VARIABLE}</c> until <see cref="ResolveArguments"/> or
/// <see cref="ToLivyRequestJson"/> is given the environment. Immutable.
/// </summary>
public sealed class SparkSubmitPlan
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SparkSubmitPlan(SparkJobStep step, SparkSubmitOptions options, IReadOnlyList<string> jobArguments)
    {
        Step = step;
        Options = options;
        JobArguments = jobArguments;
        var catalog = options.Catalog;
        var prefix = $"spark.sql.catalog.{catalog.CatalogName}.";
        Secrets =
        [
            new(prefix + "jdbc.user", catalog.JdbcUserVariable),
            new(prefix + "jdbc.password", catalog.JdbcPasswordVariable),
            new(prefix + "s3.access-key-id", catalog.S3AccessKeyVariable),
            new(prefix + "s3.secret-access-key", catalog.S3SecretKeyVariable),
        ];
        var arguments = new List<SparkArgument>
        {
            new("--master"), new(options.Master),
            new("--deploy-mode"), new(options.DeployMode),
            new("--name"), new(ApplicationName),
            new("--packages"), new(string.Join(',', options.Packages)),
            new("--properties-file"), new(options.PropertiesFile),
        };
        foreach (var (key, variable) in Secrets)
        {
            arguments.Add(new("--conf"));
            arguments.Add(new(key + "=", variable));
        }
        arguments.Add(new(options.JobFile));
        arguments.AddRange(jobArguments.Select(a => new SparkArgument(a)));
        Arguments = arguments;
    }

    /// <summary>The job step.</summary>
    public SparkJobStep Step { get; }

    /// <summary>The validated options.</summary>
    public SparkSubmitOptions Options { get; }

    /// <summary>The program: <c>spark-submit</c>.</summary>
    public static string Executable => "spark-submit";

    /// <summary>The Spark application name: <see cref="SparkSubmitOptions.ApplicationName"/> and the step, e.g. <c>tick-pipeline-silver</c>.</summary>
    public string ApplicationName => $"{Options.ApplicationName}-{StepName(Step)}";

    /// <summary>What the job itself receives: the step, <c>--catalog &lt;name&gt;</c>, then the caller's arguments.</summary>
    public IReadOnlyList<string> JobArguments { get; }

    /// <summary>The arguments after <see cref="Executable"/>, secrets unresolved.</summary>
    public IReadOnlyList<SparkArgument> Arguments { get; }

    /// <summary>The Spark properties that carry secrets, each with the environment variable that holds its value.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Secrets { get; }

    /// <summary>The job's name for a step: <c>silver</c>, <c>bars</c> or <c>features</c>.</summary>
    public static string StepName(SparkJobStep step) => step switch
    {
        SparkJobStep.Silver => "silver",
        SparkJobStep.Bars => "bars",
        SparkJobStep.Features => "features",
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "Unknown Spark job step."),
    };

    /// <summary>
    /// Plans a run of <paramref name="step"/> with the caller's <paramref name="jobArguments"/> (passed to the job after
    /// the step and <c>--catalog</c>). Throws an <see cref="ArgumentException"/> listing every problem of the options.
    /// </summary>
    public static SparkSubmitPlan Create(SparkJobStep step, IEnumerable<string>? jobArguments = null, SparkSubmitOptions? options = null)
    {
        options ??= SparkSubmitOptions.Default;
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ArgumentException("Invalid Spark submit options: " + string.Join("; ", problems) + ".", nameof(options));
        }
        IReadOnlyList<string> job = [StepName(step), "--catalog", options.Catalog.CatalogName, .. jobArguments ?? []];
        return new SparkSubmitPlan(step, options, job);
    }

    /// <summary>The command as one POSIX shell line, secrets as <c>"$VARIABLE"</c> (paste it into a shell that has them set).</summary>
    public string ToShellCommand() => Executable + " " + string.Join(' ', Arguments.Select(a => a.ToShell()));

    /// <summary>The secret variables that <paramref name="environment"/> does not set (or sets empty), in argument order.</summary>
    public IReadOnlyList<string> MissingSecrets(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return [.. Secrets.Select(s => s.Value).Where(v => string.IsNullOrEmpty(environment(v))).Distinct()];
    }

    /// <summary>The arguments with secrets filled in from <paramref name="environment"/>: for the process only, never for printing.</summary>
    /// <exception cref="InvalidOperationException">A secret variable is not set; the message names every missing one.</exception>
    public IReadOnlyList<string> ResolveArguments(Func<string, string?> environment)
    {
        ThrowIfMissing(environment);
        return [.. Arguments.Select(a => a.SecretVariable is null ? a.Text : a.Text + environment(a.SecretVariable))];
    }

    /// <summary>
    /// The Livy <c>POST /batches</c> body: <c>file</c>, <c>args</c>, <c>name</c> and <c>conf</c> (keys sorted): the
    /// <paramref name="properties"/> spark-submit would read from <see cref="SparkSubmitOptions.PropertiesFile"/> (Livy has
    /// no properties file; default: what <c>pipeline deploy-config</c> renders from the catalog settings), the packages and
    /// the secrets. Livy chooses master and deploy mode itself (<c>livy.spark.master</c>, <c>livy.spark.deploy-mode</c>).
    /// Without <paramref name="environment"/> each secret is written <c>${VARIABLE}</c>, for display.
    /// </summary>
    /// <exception cref="InvalidOperationException">An environment is given and a secret variable is not set.</exception>
    public string ToLivyRequestJson(Func<string, string?>? environment = null, IReadOnlyList<KeyValuePair<string, string>>? properties = null)
    {
        if (environment is not null)
        {
            ThrowIfMissing(environment);
        }
        var conf = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in properties ?? SparkProperties.Parse(EngineCatalogFiles.SparkDefaults(Options.Catalog)))
        {
            conf[key] = value;
        }
        conf["spark.jars.packages"] = string.Join(',', Options.Packages);
        foreach (var (key, variable) in Secrets)
        {
            conf[key] = environment is null ? "${" + variable + "}" : environment(variable)!;
        }
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("file", Options.JobFile);
            w.WriteStartArray("args");
            foreach (var a in JobArguments)
            {
                w.WriteStringValue(a);
            }
            w.WriteEndArray();
            w.WriteString("name", ApplicationName);
            w.WriteStartObject("conf");
            foreach (var (key, value) in conf)
            {
                w.WriteString(key, value);
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()).ReplaceLineEndings("\n");
    }

    private void ThrowIfMissing(Func<string, string?> environment)
    {
        if (MissingSecrets(environment) is { Count: > 0 } missing)
        {
            throw new InvalidOperationException(
                $"The Spark job needs the catalog and S3 secrets in the environment; not set: {string.Join(", ", missing)}.");
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using TickKernelExtensions.Lakehouse.Deploy;
using TickKernelExtensions.Processing.Spark;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline spark submit &lt;silver|bars|features&gt; [options] [-- job arguments]</c>: runs the production Spark job
/// (<c>deploy/spark/jobs/tick_pipeline.py</c>) through <c>spark-submit</c> or a Livy batch, with the catalog, S3 and
/// package settings of <see cref="SparkSubmitPlan"/>. <c>--dry-run</c> prints the shell command (or the Livy request
/// body) with secrets as variable names. Exit 0 on success, 1 when the job failed, 2 when spark-submit is missing, a
/// secret variable is unset or Livy cannot be reached, 3 for bad options, 130 when cancelled.
/// </summary>
internal static class SparkCommand
{
    /// <summary>Where secrets are read from: the process environment (tests substitute a dictionary).</summary>
    internal static Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    public static Command Build()
    {
        var spark = new Command("spark", "The production Spark job over the same Iceberg catalog and S3 warehouse (see docs/spark.md).");
        spark.Subcommands.Add(BuildSubmit());
        return spark;
    }

    private static Command BuildSubmit()
    {
        var defaults = SparkSubmitOptions.Default;
        var step = new Argument<SparkJobStep>("step")
        {
            HelpName = "silver|bars|features",
            Description = "silver (bronze.ticks → silver.ticks, silver.quality), bars (→ gold.bars_<label>) or features (→ gold.features_<set>_v<version>).",
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Enum.TryParse<SparkJobStep>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !int.TryParse(text, out _))
                {
                    return value;
                }
                r.AddError($"step: '{text}' is not a job step (expected silver, bars or features).");
                return default;
            },
        };
        var jobArgs = new Argument<string[]>("job-args")
        {
            Description = "Arguments for the job after '--', e.g. -- --symbols EURUSD --from 2024-03-04 (see tick_pipeline.py <step> --help).",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var master = new Option<string>("--master") { Description = "Spark master URL.", DefaultValueFactory = _ => defaults.Master };
        var deployMode = new Option<string>("--deploy-mode") { Description = "client or cluster.", DefaultValueFactory = _ => defaults.DeployMode };
        var properties = new Option<string>("--properties-file") { Description = "The catalog properties written by `pipeline deploy-config`.", DefaultValueFactory = _ => defaults.PropertiesFile };
        var jobFile = new Option<string>("--job-file") { Description = "The PySpark job; for Livy a location the server reads (s3a://…, local:/…).", DefaultValueFactory = _ => defaults.JobFile };
        var catalogName = new Option<string>("--catalog-name") { Description = "The Spark catalog name in the properties file.", DefaultValueFactory = _ => defaults.Catalog.CatalogName };
        var sparkHome = new Option<string?>("--spark-home") { Description = "The Spark install whose bin/spark-submit runs (default: SPARK_HOME, else PATH)." };
        var livyUrl = new Option<Uri?>("--livy-url")
        {
            Description = "Submit a Livy batch to this server (http://livy:8998) instead of running spark-submit.",
            CustomParser = r =>
            {
                var text = r.Tokens.Single().Value;
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }
                r.AddError($"--livy-url: '{text}' is not an http(s) URL (expected e.g. http://livy:8998).");
                return null;
            },
        };
        var pollInterval = new Option<double>("--poll-interval") { Description = "Seconds between Livy state requests.", DefaultValueFactory = _ => defaults.LivyPollInterval.TotalSeconds };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the spark-submit command (or the Livy request body) and run nothing; secrets appear as variable names." };
        var submit = new Command("submit", "Run a step of the Spark job with spark-submit or Livy (or print how, with --dry-run).")
        {
            step, jobArgs, master, deployMode, properties, jobFile, catalogName, sparkHome, livyUrl, pollInterval, dryRun,
        };
        submit.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var options = defaults with
            {
                Master = r.GetValue(master)!,
                DeployMode = r.GetValue(deployMode)!,
                PropertiesFile = r.GetValue(properties)!,
                JobFile = r.GetValue(jobFile)!,
                Catalog = new EngineCatalogSettings { CatalogName = r.GetValue(catalogName)! },
                LivyPollInterval = TimeSpan.FromSeconds(Math.Clamp(r.GetValue(pollInterval), -1, 1e6)),
            };
            if (options.Problems() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            var plan = SparkSubmitPlan.Create(r.GetValue(step), r.GetValue(jobArgs) ?? [], options);
            var output = r.InvocationConfiguration.Output;
            var livy = r.GetValue(livyUrl);
            // Livy has no properties file: the one spark-submit would read becomes the batch's conf.
            IReadOnlyList<KeyValuePair<string, string>>? conf = null;
            if (livy is not null)
            {
                if (!File.Exists(options.PropertiesFile))
                {
                    await Console.Error.WriteLineAsync(
                        $"error: not found: {options.PropertiesFile} (relative to {Directory.GetCurrentDirectory()}); run from the repository root or pass --properties-file (`pipeline deploy-config` writes it).");
                    return 2;
                }
                conf = SparkProperties.Parse(await File.ReadAllTextAsync(options.PropertiesFile, ct));
            }
            if (r.GetValue(dryRun))
            {
                await output.WriteLineAsync(livy is null ? plan.ToShellCommand() : $"POST {livy.GetLeftPart(UriPartial.Path).TrimEnd('/')}/batches\n{plan.ToLivyRequestJson(properties: conf)}");
                return 0;
            }
            if (livy is not null && !plan.Options.JobFile.Contains(":/", StringComparison.Ordinal))
            {
                await Console.Error.WriteLineAsync(
                    $"--job-file: Livy runs the job on its own side, so it needs a location the Livy server can read (s3a://…, hdfs://…, local:/…), got '{plan.Options.JobFile}'.");
                return 3;
            }
            return livy is null
                ? await RunSparkSubmitAsync(plan, r.GetValue(sparkHome) ?? System.Environment.GetEnvironmentVariable("SPARK_HOME"), output, ct)
                : await RunLivyAsync(plan, livy, conf!, output, ct);
        }));
        return submit;
    }

    private static async Task<int> RunSparkSubmitAsync(SparkSubmitPlan plan, string? sparkHome, TextWriter output, CancellationToken ct)
    {
        if (SparkSubmitLocator.Find(sparkHome, System.Environment.GetEnvironmentVariable("PATH")) is not { } program)
        {
            await Console.Error.WriteLineAsync("error: " + SparkSubmitLocator.NotFoundMessage(sparkHome));
            return 2;
        }
        var missing = new[] { plan.Options.PropertiesFile, plan.Options.JobFile }.Where(f => !f.Contains("://", StringComparison.Ordinal) && !File.Exists(f)).ToList();
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync(
                $"error: not found: {string.Join(", ", missing)} (relative to {Directory.GetCurrentDirectory()}); run from the repository root or pass --properties-file / --job-file (`pipeline deploy-config` writes the properties file).");
            return 2;
        }
        if (!await SecretsSetAsync(plan))
        {
            return 2;
        }
        var info = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in plan.ResolveArguments(Environment))
        {
            info.ArgumentList.Add(argument);
        }
        await output.WriteLineAsync(plan.ToShellCommand());
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {program}.");
        var error = Console.Error;
        var pumps = Task.WhenAll(Pump(process.StandardOutput, output, ct), Pump(process.StandardError, error, ct));
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await pumps;
        if (process.ExitCode != 0)
        {
            await error.WriteLineAsync($"error: spark-submit exited with {process.ExitCode} ({plan.ApplicationName}).");
            return 1;
        }
        return 0;
    }

    private static async Task Pump(StreamReader reader, TextWriter writer, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            await writer.WriteLineAsync(line);
        }
    }

    private static async Task<bool> SecretsSetAsync(SparkSubmitPlan plan)
    {
        if (plan.MissingSecrets(Environment) is { Count: > 0 } missing)
        {
            await Console.Error.WriteLineAsync($"error: the Spark job needs the catalog and S3 secrets in the environment; not set: {string.Join(", ", missing)}.");
            return false;
        }
        return true;
    }

    private static async Task<int> RunLivyAsync(SparkSubmitPlan plan, Uri livyUrl, IReadOnlyList<KeyValuePair<string, string>> properties, TextWriter output, CancellationToken ct)
    {
        if (!await SecretsSetAsync(plan))
        {
            return 2;
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var client = new LivyBatchClient(http, livyUrl);
        LivyBatchResult result;
        try
        {
            result = await client.RunAsync(plan, Environment, line => output.WriteLine(line), ct, properties);
        }
        catch (HttpRequestException e)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return 2;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync($"error: Livy at {livyUrl} did not answer within {http.Timeout.TotalSeconds:0} s.");
            return 2;
        }
        if (result.Succeeded)
        {
            return 0;
        }
        await Console.Error.WriteLineAsync($"error: Livy batch {result.BatchId} ({plan.ApplicationName}) ended {result.State}; its last log lines:");
        foreach (var line in result.Log)
        {
            await Console.Error.WriteLineAsync(line);
        }
        return 1;
    }
}

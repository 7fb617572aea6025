using System.Diagnostics;
using Pipeline.Scripts.Commands;
using TickKernelExtensions.Processing.Spark;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary>
/// <c>pipeline spark submit</c>: the exact command and Livy body it prints, its shell quoting, a Livy batch polled on a
/// loopback fake, and the missing-spark-submit error. One class: the tests swap the command's secret source in turn.
/// </summary>
public sealed class SparkCommandTests : IDisposable
{
    private static readonly Dictionary<string, string> Secrets = new(StringComparer.Ordinal)
    {
        ["TICK_CATALOG_USER"] = "iceberg",
        ["TICK_CATALOG_PASSWORD"] = "pw-s3cr3t",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "sk-s3cr3t",
    };

    private const string LivyJobFile = "s3a://tick-lake/jobs/tick_pipeline.py";

    private static readonly string PropertiesFile = Path.Combine(RunAll.RunAllCommandTests.RepositoryRoot(), "deploy", "spark", "spark-defaults.conf");

    private const string Packages =
        "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.9.2,org.apache.iceberg:iceberg-aws-bundle:1.9.2,org.postgresql:postgresql:42.7.4";

    private const string SecretConfs =
        "--conf spark.sql.catalog.lake.jdbc.user=\"$TICK_CATALOG_USER\" --conf spark.sql.catalog.lake.jdbc.password=\"$TICK_CATALOG_PASSWORD\" "
        + "--conf spark.sql.catalog.lake.s3.access-key-id=\"$AWS_ACCESS_KEY_ID\" --conf spark.sql.catalog.lake.s3.secret-access-key=\"$AWS_SECRET_ACCESS_KEY\"";

    public SparkCommandTests() => SparkCommand.Environment = name => Secrets.GetValueOrDefault(name);

    public void Dispose() => SparkCommand.Environment = Environment.GetEnvironmentVariable;

    [Fact]
    public async Task SubmitDryRun_Defaults_PrintsTheExactCommand()
    {
        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "silver", "--dry-run", "--", "--symbols", "EURUSD", "--from", "2024-03-04");

        Assert.True(exit == 0, error);
        Assert.Equal(
            "spark-submit --master 'local[*]' --deploy-mode client --name tick-pipeline-silver --packages " + Packages
            + " --properties-file deploy/spark/spark-defaults.conf " + SecretConfs
            + " deploy/spark/jobs/tick_pipeline.py silver --catalog lake --symbols EURUSD --from 2024-03-04\n",
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SubmitDryRun_CommandsInTheDocs_Run()
    {
        var root = RunAll.RunAllCommandTests.RepositoryRoot();
        var lines = new[] { "README.md", Path.Combine("docs", "spark.md") }
            .SelectMany(f => File.ReadAllLines(Path.Combine(root, f)))
            .Where(l => l.StartsWith("pipeline spark submit ", StringComparison.Ordinal) && l.Contains("--dry-run", StringComparison.Ordinal))
            .ToArray();

        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var (exit, output, error) = await CliRunner.RunWithOutputAsync(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);
            Assert.True(exit == 0, line + ": " + error);
            Assert.StartsWith("spark-submit ", output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task SubmitDryRun_ClusterOptions_PrintsThemInPlace()
    {
        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "bars", "--master", "yarn", "--deploy-mode", "cluster",
            "--catalog-name", "research", "--job-file", "s3a://jobs/tick_pipeline.py", "--dry-run", "--", "--timeframe", "5m");

        Assert.True(exit == 0, error);
        Assert.StartsWith("spark-submit --master yarn --deploy-mode cluster --name tick-pipeline-bars ", output, StringComparison.Ordinal);
        Assert.Contains("--conf spark.sql.catalog.research.jdbc.user=\"$TICK_CATALOG_USER\"", output, StringComparison.Ordinal);
        Assert.EndsWith(" s3a://jobs/tick_pipeline.py bars --catalog research --timeframe 5m\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitDryRun_OddArguments_ShellRunsThePrintedLineWithTheSameArguments()
    {
        string[] odd = ["it's a $HOME test", "", "a b\tc", "semi;colon", "glob*?[x]", "back\\slash", "quote\"d", "naïve €"];
        var (exit, output, error) = await CliRunner.RunWithOutputAsync(["spark", "submit", "features", "--dry-run", "--", .. odd]);
        Assert.True(exit == 0, error);

        // The printed line, with printf in place of spark-submit, run by sh with the secrets set: each word on a line.
        var line = output.TrimEnd('\n', '\r');
        var info = new ProcessStartInfo("/bin/sh", ["-c", "printf '%s\\n' " + line["spark-submit ".Length..]]) { RedirectStandardOutput = true };
        foreach (var (name, value) in Secrets)
        {
            info.Environment[name] = value;
        }
        using var sh = Process.Start(info)!;
        var printed = (await sh.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)).Split('\n')[..^1];
        await sh.WaitForExitAsync(TestContext.Current.CancellationToken);

        var plan = SparkSubmitPlan.Create(SparkJobStep.Features, odd);
        Assert.Equal(plan.ResolveArguments(name => Secrets.GetValueOrDefault(name)), printed);
        Assert.Equal(odd, printed[^odd.Length..]);
        Assert.DoesNotContain("s3cr3t", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain-word_1.0", "plain-word_1.0")]
    [InlineData("", "''")]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("local[*]", "'local[*]'")]
    [InlineData("$HOME", "'$HOME'")]
    public void Quote_Word_IsSafeForSh(string word, string quoted) => Assert.Equal(quoted, ShellQuote.Quote(word));

    [Fact]
    public async Task SubmitDryRunLivy_Defaults_PrintsTheExactRequestBody()
    {
        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "silver", "--livy-url", "http://livy:8998/", "--properties-file", PropertiesFile, "--dry-run", "--", "--symbols", "EURUSD");

        Assert.True(exit == 0, error);
        Assert.Equal(
            """
            POST http://livy:8998/batches
            {
              "file": "deploy/spark/jobs/tick_pipeline.py",
              "args": [
                "silver",
                "--catalog",
                "lake",
                "--symbols",
                "EURUSD"
              ],
              "name": "tick-pipeline-silver",
              "conf": {
                "spark.jars.packages": "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.9.2,org.apache.iceberg:iceberg-aws-bundle:1.9.2,org.postgresql:postgresql:42.7.4",
                "spark.sql.catalog.lake": "org.apache.iceberg.spark.SparkCatalog",
                "spark.sql.catalog.lake.client.region": "us-east-1",
                "spark.sql.catalog.lake.io-impl": "org.apache.iceberg.aws.s3.S3FileIO",
                "spark.sql.catalog.lake.jdbc.password": "${TICK_CATALOG_PASSWORD}",
                "spark.sql.catalog.lake.jdbc.schema-version": "V1",
                "spark.sql.catalog.lake.jdbc.user": "${TICK_CATALOG_USER}",
                "spark.sql.catalog.lake.s3.access-key-id": "${AWS_ACCESS_KEY_ID}",
                "spark.sql.catalog.lake.s3.endpoint": "http://minio:9000",
                "spark.sql.catalog.lake.s3.path-style-access": "true",
                "spark.sql.catalog.lake.s3.secret-access-key": "${AWS_SECRET_ACCESS_KEY}",
                "spark.sql.catalog.lake.type": "jdbc",
                "spark.sql.catalog.lake.uri": "jdbc:postgresql://postgres:5432/lake",
                "spark.sql.catalog.lake.warehouse": "s3://tick-lake/lake",
                "spark.sql.extensions": "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions"
              }
            }

            """,
            output.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task SubmitLivy_BatchSucceeds_PollsUntilSuccessAndExitsZero()
    {
        await using var livy = new FakeLivy(7, ["starting", "running", "running", "success"], []);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "bars", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile, "--poll-interval", "0",
            "--job-file", LivyJobFile, "--", "--timeframe", "1m");

        Assert.True(exit == 0, error);
        Assert.Equal(["batch 7: submitted to " + livy.Url + "batches", "batch 7: starting", "batch 7: running", "batch 7: success"],
            output.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'));
        var requests = livy.Requests.ToArray();
        Assert.Equal(("POST", "/batches"), (requests[0].Method, requests[0].Path));
        var plan = SparkSubmitPlan.Create(SparkJobStep.Bars, ["--timeframe", "1m"], SparkSubmitOptions.Default with { JobFile = LivyJobFile });
        Assert.Equal(plan.ToLivyRequestJson(name => Secrets.GetValueOrDefault(name), SparkProperties.Parse(File.ReadAllText(PropertiesFile))), requests[0].Body);
        Assert.Equal(plan.ToLivyRequestJson(name => Secrets.GetValueOrDefault(name)), requests[0].Body); // the committed file is what deploy-config renders
        Assert.Contains("\"spark.sql.catalog.lake.jdbc.password\": \"pw-s3cr3t\"", requests[0].Body, StringComparison.Ordinal);
        Assert.All(requests, r => Assert.Equal("pipeline", r.RequestedBy));
        Assert.Equal(4, requests.Count(r => r.Path == "/batches/7/state"));
        Assert.DoesNotContain(requests, r => r.Path.Contains("/log", StringComparison.Ordinal));
        Assert.DoesNotContain("s3cr3t", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitLivy_BatchDies_ExitsOneWithTheLogLines()
    {
        await using var livy = new FakeLivy(12, ["running", "dead"], ["stdout: ", "Traceback (most recent call last):", "pyspark.errors.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] lake.bronze.ticks"]);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "silver", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile, "--poll-interval", "0", "--job-file", LivyJobFile);

        Assert.Equal(1, exit);
        Assert.Contains("batch 12: dead", output, StringComparison.Ordinal);
        Assert.Contains("Livy batch 12 (tick-pipeline-silver) ended dead", error, StringComparison.Ordinal);
        Assert.Contains("pyspark.errors.AnalysisException: [TABLE_OR_VIEW_NOT_FOUND] lake.bronze.ticks", error, StringComparison.Ordinal);
        Assert.Contains(livy.Requests, r => r.Path == "/batches/12/log?size=100");
    }

    [Fact]
    public async Task SubmitLivy_StateRequestFailsTwice_RetriesAndSucceeds()
    {
        await using var livy = new FakeLivy(3, ["running", "HTTP 503", "HTTP 502", "success"], []);

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "silver", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile, "--poll-interval", "0", "--job-file", LivyJobFile);

        Assert.True(exit == 0, error);
        Assert.Contains("batch 3: state request failed (Livy GET " + livy.Url + "batches/3/state answered 503", output, StringComparison.Ordinal);
        Assert.Contains("retry 2 of 3", output, StringComparison.Ordinal);
        Assert.EndsWith("batch 3: success\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitLivy_StateRequestKeepsFailing_ExitsTwoNamingTheAnswer()
    {
        await using var livy = new FakeLivy(4, ["running", "HTTP 500"], []);

        var (exit, error) = await CliRunner.RunAsync("spark", "submit", "silver", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile, "--poll-interval", "0", "--job-file", LivyJobFile);

        Assert.Equal(2, exit);
        Assert.Contains("batches/4/state answered 500", error, StringComparison.Ordinal);
        Assert.Equal(5, livy.Requests.Count(r => r.Path == "/batches/4/state"));
    }

    [Fact]
    public async Task SubmitLivy_SecretUnset_ExitsTwoNamingTheVariableAndSendsNothing()
    {
        await using var livy = new FakeLivy(1, ["success"], []);
        SparkCommand.Environment = name => name == "TICK_CATALOG_PASSWORD" ? null : Secrets.GetValueOrDefault(name);

        var (exit, error) = await CliRunner.RunAsync("spark", "submit", "silver", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile, "--job-file", LivyJobFile);

        Assert.Equal(2, exit);
        Assert.Contains("not set: TICK_CATALOG_PASSWORD.", error, StringComparison.Ordinal);
        Assert.Empty(livy.Requests);
    }

    [Fact]
    public async Task SubmitDryRunLivy_CustomPropertiesFile_SendsItsSettings()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("spark-defaults.conf");
        File.WriteAllText(file, File.ReadAllText(PropertiesFile).Replace("jdbc:postgresql://postgres:5432/lake", "jdbc:postgresql://db.internal:5433/research", StringComparison.Ordinal));

        var (exit, output, error) = await CliRunner.RunWithOutputAsync("spark", "submit", "silver", "--livy-url", "http://livy:8998", "--properties-file", file, "--dry-run");
        var (missing, missingError) = await CliRunner.RunAsync("spark", "submit", "silver", "--livy-url", "http://livy:8998", "--properties-file", dir.Combine("absent.conf"), "--dry-run");

        Assert.True(exit == 0, error);
        Assert.Contains("\"spark.sql.catalog.lake.uri\": \"jdbc:postgresql://db.internal:5433/research\"", output, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("not found: " + dir.Combine("absent.conf"), missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitLivy_LocalJobFile_ExitsThreeAsLivyCannotReadIt()
    {
        await using var livy = new FakeLivy(1, ["success"], []);

        var (exit, error) = await CliRunner.RunAsync("spark", "submit", "silver", "--livy-url", livy.Url.ToString(), "--properties-file", PropertiesFile);

        Assert.Equal(3, exit);
        Assert.Contains("a location the Livy server can read", error, StringComparison.Ordinal);
        Assert.Empty(livy.Requests);
    }

    [Fact]
    public async Task Submit_SparkSubmitMissing_ExitsTwoNamingSparkHomeAndPath()
    {
        using var dir = new TempDirectory();

        var (exit, error) = await CliRunner.RunAsync("spark", "submit", "silver", "--spark-home", dir.Path);

        Assert.Equal(2, exit);
        Assert.Contains("spark-submit not found in SPARK_HOME", error, StringComparison.Ordinal);
        Assert.Contains("PATH", error, StringComparison.Ordinal);
        Assert.Null(SparkSubmitLocator.Find(null, dir.Path));
        Assert.Contains("SPARK_HOME is not set and no spark-submit is on PATH", SparkSubmitLocator.NotFoundMessage(null), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_FakeSparkSubmit_RunsItWithResolvedSecretsMapsItsExitCodeAndNeedsItsFiles()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("bin"));
        var script = dir.Combine("bin", "spark-submit");
        File.WriteAllText(script, "#!/bin/sh\nfor a in \"$@\"; do echo \"arg:$a\"; done\n[ \"$4\" = cluster ] && exit 4\nexit 0\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var root = RunAll.RunAllCommandTests.RepositoryRoot();
        string[] files = ["--properties-file", Path.Combine(root, "deploy", "spark", "spark-defaults.conf"), "--job-file", Path.Combine(root, "deploy", "spark", "jobs", "tick_pipeline.py")];

        var (ok, output, okError) = await CliRunner.RunWithOutputAsync(["spark", "submit", "features", "--spark-home", dir.Path, .. files, "--", "--feature-set", "gold-core.json"]);
        var (failed, _, failedError) = await CliRunner.RunWithOutputAsync(["spark", "submit", "features", "--spark-home", dir.Path, .. files, "--deploy-mode", "cluster"]);
        var (missing, _, missingError) = await CliRunner.RunWithOutputAsync("spark", "submit", "features", "--spark-home", dir.Path, "--properties-file", dir.Combine("absent.conf"), "--job-file", files[3]);

        Assert.True(ok == 0, okError);
        Assert.Contains("arg:spark.sql.catalog.lake.jdbc.password=pw-s3cr3t", output, StringComparison.Ordinal);
        Assert.Contains("arg:--feature-set\narg:gold-core.json", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(1, failed);
        Assert.Contains("spark-submit exited with 4", failedError, StringComparison.Ordinal);
        Assert.Equal(2, missing);
        Assert.Contains("not found: " + dir.Combine("absent.conf"), missingError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_UnknownStepAndBadDeployMode_AreRefused()
    {
        var (step, stepError) = await CliRunner.RunAsync("spark", "submit", "platinum", "--dry-run");
        var (mode, modeError) = await CliRunner.RunAsync("spark", "submit", "silver", "--deploy-mode", "remote", "--dry-run");

        Assert.NotEqual(0, step);
        Assert.Contains("'platinum' is not a job step", stepError, StringComparison.Ordinal);
        Assert.Equal(3, mode);
        Assert.Contains("DeployMode: expected client or cluster, got 'remote'", modeError, StringComparison.Ordinal);
    }
}

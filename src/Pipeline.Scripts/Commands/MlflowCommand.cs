using System.CommandLine;
using System.Globalization;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Tracking;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline mlflow sync --from &lt;mlruns&gt; [--to URI] [--state FILE]</c>: replays a local <c>mlruns/</c> folder to
/// an MLflow tracking server over its REST API (<see cref="MlflowSync"/>): experiments, finished runs (params,
/// metrics, tags, artifacts, status, times), registered models, versions and aliases. Idempotent through a state file
/// beside the folder. <c>pipeline mlflow download --model NAME [--version N | --alias A] --to FOLDER</c>: a registered
/// version's bundle from the server, verified, into a new folder (<see cref="ModelBundleDownload"/>). Credentials come from <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>
/// and are never printed. Exit 0 on success, 2 for a tracking or bundle error (one line naming the endpoint, HTTP status
/// and MLflow error code, or the bundle file), 3 for bad options, 130 when cancelled.
/// </summary>
internal static class MlflowCommand
{
    /// <summary>Where settings are read from: the process environment (tests substitute a dictionary).</summary>
    internal static Func<System.Collections.IDictionary> Environment { get; set; } = System.Environment.GetEnvironmentVariables;

    public static Command Build()
    {
        var command = new Command("mlflow", "Experiment tracking in MLflow's formats: the local mlruns/ folder and a tracking server.");
        command.Subcommands.Add(Sync());
        command.Subcommands.Add(Download());
        return command;
    }

    private static Command Download()
    {
        var tracking = new Option<string?>("--tracking-uri") { Description = "The tracking server, http(s)://host:port (default: MLFLOW_TRACKING_URI)." };
        var model = new Option<string>("--model") { Description = "The registered model's name.", Required = true };
        var version = new Option<string?>("--version") { Description = "Its version number, or latest (the default when no --alias is given)." };
        var alias = new Option<string?>("--alias") { Description = "The alias naming the version, e.g. champion (instead of --version)." };
        var to = new Option<string>("--to") { Description = "The folder to create with the bundle; it must not exist.", Required = true };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per request on HTTP 429, 5xx and connection failures, with exponential backoff.", DefaultValueFactory = _ => 5 };
        var command = new Command("download", "Download a registered model version's bundle from an MLflow server, verify it against its manifest and place it atomically (ready for pipeline serve --bundle).")
        {
            tracking, model, version, alias, to, attempts,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var problems = new List<string>();
            var options = RestTrackingOptions.FromEnvironment(r.GetValue(tracking), Environment());
            if (options is null)
            {
                problems.Add("--tracking-uri: expected an http(s) tracking server URI (or MLFLOW_TRACKING_URI set to one)");
            }
            int? number = null;
            if (r.GetValue(version) is { } v && !v.Equals("latest", StringComparison.OrdinalIgnoreCase))
            {
                if (int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
                {
                    number = n;
                }
                else
                {
                    problems.Add($"--version: expected a version number or latest, actual '{v}'");
                }
            }
            if (r.GetValue(version) is not null && r.GetValue(alias) is not null)
            {
                problems.Add("--version/--alias: give one or neither");
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            var request = new ModelDownloadOptions { Name = r.GetValue(model)!, Version = number, Alias = r.GetValue(alias), TargetFolder = Path.GetFullPath(r.GetValue(to)!) };
            var output = r.InvocationConfiguration.Output;
            output.WriteLine($"download {request.Describe()} from {options!.DisplayUri} -> {request.TargetFolder}");
            using var server = new RestTrackingStore(options with { MaxAttempts = r.GetValue(attempts) });
            var result = await ModelBundleDownload.DownloadAsync(server, request, new Lines(output), ct);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"verified bundle {result.BundleName} v{result.BundleVersion} (content sha256 {result.ContentHash}), {result.Download.Files} file(s), {result.Download.Bytes} bytes, in {result.Download.Folder}"));
            return 0;
        }));
        return command;
    }

    private static Command Sync()
    {
        var from = new Option<string>("--from") { Description = "The local mlruns/ folder (MLflow file-store layout).", DefaultValueFactory = _ => Path.Combine("data", "mlruns") };
        var to = new Option<string?>("--to") { Description = "The tracking server, http(s)://host:port (default: MLFLOW_TRACKING_URI)." };
        var statePath = new Option<string?>("--state") { Description = "The sync state file recording what was sent (default: mlflow-sync.json beside the mlruns folder)." };
        var attempts = new Option<int>("--max-attempts") { Description = "Attempts per request on HTTP 429, 5xx and connection failures, with exponential backoff.", DefaultValueFactory = _ => 5 };
        var command = new Command("sync", "Replay local runs and registered models to an MLflow server; runs already sent are skipped.") { from, to, statePath, attempts };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var root = Path.GetFullPath(r.GetValue(from)!);
            var problems = new List<string>();
            if (!Directory.Exists(root))
            {
                problems.Add($"--from: the folder '{root}' does not exist");
            }
            var options = RestTrackingOptions.FromEnvironment(r.GetValue(to), Environment());
            if (options is null)
            {
                problems.Add("--to: expected an http(s) tracking server URI (or MLFLOW_TRACKING_URI set to one)");
            }
            if (problems.Count > 0)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            var output = r.InvocationConfiguration.Output;
            var state = r.GetValue(statePath) ?? Path.Combine(Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!, "mlflow-sync.json");
            var target = options!.DisplayUri;
            output.WriteLine($"sync {root} -> {target}");
            using var server = new RestTrackingStore(options with { MaxAttempts = r.GetValue(attempts) });
            var summary = await MlflowSync.SyncAsync(FileTrackingStore.Open(root), server, state, target, new Lines(output), ct);
            output.WriteLine($"synced {summary.RunsSynced} run(s), {summary.RunsSkipped} already on the server, {summary.RunsUnfinished} still running; "
                + $"{summary.ModelVersionsSynced} model version(s), {summary.AliasesSet} alias(es)");
            return 0;
        }));
        return command;
    }

    /// <summary>Writes each progress line at once (<see cref="Progress{T}"/> would post them later).</summary>
    private sealed class Lines(TextWriter output) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(value);
    }
}

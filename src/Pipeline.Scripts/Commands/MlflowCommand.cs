using System.CommandLine;
using TickKernelExtensions.Tracking;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline mlflow sync --from &lt;mlruns&gt; [--to URI] [--state FILE]</c>: replays a local <c>mlruns/</c> folder to
/// an MLflow tracking server over its REST API (<see cref="MlflowSync"/>): experiments, finished runs (params,
/// metrics, tags, artifacts, status, times), registered models, versions and aliases. Idempotent through a state file
/// beside the folder. Credentials come from <c>MLFLOW_TRACKING_TOKEN</c> or <c>MLFLOW_TRACKING_USERNAME</c>/<c>PASSWORD</c>
/// and are never printed. Exit 0 on success, 2 for a tracking error (one line naming the endpoint, HTTP status and
/// MLflow error code), 3 for bad options, 130 when cancelled.
/// </summary>
internal static class MlflowCommand
{
    /// <summary>Where settings are read from: the process environment (tests substitute a dictionary).</summary>
    internal static Func<System.Collections.IDictionary> Environment { get; set; } = System.Environment.GetEnvironmentVariables;

    public static Command Build()
    {
        var command = new Command("mlflow", "Experiment tracking in MLflow's formats: the local mlruns/ folder and a tracking server.");
        command.Subcommands.Add(Sync());
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

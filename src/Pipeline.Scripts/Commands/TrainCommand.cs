using System.CommandLine;
using System.Globalization;
using TickKernelExtensions;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline train</c>: stage 4 on the embedded engine (<see cref="TrainingJob"/>) — labels, a purged and embargoed
/// split, the search on validation, the anomaly model, the test split once, the overfitting report, a model bundle
/// under <c>&lt;data&gt;/models</c> and an MLflow run with a registry version.
/// </summary>
internal static class TrainCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var catalog = CommonOptions.Catalog();
        var symbol = new Option<string?>("--symbol") { Description = "The symbol to train on (default: the first of the feature table)." };
        var horizon = new Option<TimeSpan>("--horizon")
        {
            Description = "Label horizon (hh:mm:ss): is a long, entered at the ask and left at the bid, in profit after it?",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(15),
        };
        var trials = new Option<int>("--trials") { Description = "At most this many hyperparameter trials on the validation split.", DefaultValueFactory = _ => 8 };
        var budget = new Option<TimeSpan>("--budget") { Description = "Time budget of the search (hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromMinutes(2) };
        var name = new Option<string>("--model-name") { Description = "Name of the bundle and of the registered model.", DefaultValueFactory = _ => "gold-core-direction" };
        var tracking = new Option<string?>("--tracking-uri") { Description = "MLflow tracking: an http(s) server or a folder (default: MLFLOW_TRACKING_URI, else <data>/mlruns)." };
        var command = new Command("train", "Stage 4: train, validate and test (once) a model on the gold features, export it as a bundle under <data>/models and track the run in MLflow.")
        {
            data, catalog, symbol, horizon, trials, budget, name, tracking,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var output = r.InvocationConfiguration.Output;
            var layout = new DataLayout(r.GetValue(data)!);
            await using var jdbc = await CommonOptions.OpenCatalogAsync(r.GetValue(catalog), layout, ct);
            using var tables = CommonOptions.LocalTables(jdbc, layout);
            var options = new TrainingJobOptions
            {
                Layout = layout,
                Symbol = r.GetValue(symbol),
                Horizon = new() { Horizon = r.GetValue(horizon) },
                Search = new() { MaxTrials = r.GetValue(trials), TimeBudget = r.GetValue(budget) },
                ModelName = r.GetValue(name)!,
                TrackingUri = r.GetValue(tracking),
            };
            TrainingJobResult result;
            try
            {
                result = await TrainingJob.RunAsync(tables, options, (IProgress<string>)new ProgressPrinter(Console.Error), ct);
            }
            catch (ModelingException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return e.Kind == ModelingErrorKind.InvalidOptions ? 3 : 2;
            }
            catch (IcebergException e) when (e.Kind is IcebergErrorKind.SchemaMismatch)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 2;
            }
            catch (CatalogException e) when (e.Kind == CatalogErrorKind.TableNotFound)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message} Run pipeline process (or notebooks/03-process.ipynb) first.");
                return 3;
            }
            var report = result.Report;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Symbol}: {result.Set.Train.Count:N0} train / {result.Set.Validation.Count:N0} validation / {result.Set.Test.Count:N0} test samples ({result.Set.Counts.Purged} purged, {result.Set.Counts.Embargoed} embargoed)"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"search: {result.Search.Trials.Count} trials ({result.Search.StoppedBy}); best {result.Search.Best.Options.Describe()}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"AUC train {report.Train.Auc:0.000}, validation {report.Validation.Auc:0.000}, test {report.Test.Auc:0.000} (no-skill band 0.5 ± {report.Test.NullAucHalfWidth():0.000})"));
            output.WriteLine(report.TestStatement);
            var registered = result.Registered is { } v ? string.Create(CultureInfo.InvariantCulture, $"; registered {v.Name} version {v.Version}") : "";
            output.WriteLine($"bundle {Path.GetRelativePath(layout.Root, result.Bundle.Folder)} (sha256 {result.Bundle.ContentHash[..12]}); MLflow run {result.RunId} in {result.TrackingLocation}{registered}");
            return 0;
        }));
        return command;
    }
}

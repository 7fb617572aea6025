using System.CommandLine;
using System.Globalization;
using TickKernelExtensions;
using TickKernelExtensions.Backtesting;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Modeling;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline backtest</c>: stage 5 on the embedded engine (<see cref="BacktestJob"/>) — the exported model backtested
/// tick by tick over its test period, a walk-forward validation retraining fold by fold, reports (JSON and offline HTML)
/// and the MT5 signal file under <c>&lt;data&gt;/reports/backtest/&lt;model&gt;/&lt;version&gt;/</c>, an MLflow run.
/// </summary>
internal static class BacktestCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var catalog = CommonOptions.Catalog();
        var symbol = new Option<string?>("--symbol") { Description = "The symbol to trade (default: the first of the feature table)." };
        var name = new Option<string>("--model-name") { Description = "The exported bundle under <data>/models.", DefaultValueFactory = _ => "gold-core-direction" };
        var version = new Option<string?>("--model-version") { Description = "Its version (default: the latest)." };
        var inSample = new Option<bool>("--in-sample") { Description = "Trade the whole data range, training periods included (default: only from the model's test split on)." };
        var latency = new Option<TimeSpan>("--latency") { Description = "Decision → order arrival delay (hh:mm:ss.fff).", DefaultValueFactory = _ => TimeSpan.FromMilliseconds(100) };
        var jitter = new Option<TimeSpan>("--latency-jitter") { Description = "Extra random delay, uniform in [0, this].", DefaultValueFactory = _ => TimeSpan.FromMilliseconds(50) };
        var commission = new Option<double>("--commission") { Description = "Commission per lot per side, in account currency.", DefaultValueFactory = _ => 3.5 };
        var lots = new Option<double>("--lots") { Description = "Lots per entry.", DefaultValueFactory = _ => 1 };
        var balance = new Option<double>("--balance") { Description = "Starting balance (USD).", DefaultValueFactory = _ => 10_000 };
        var train = new Option<TimeSpan>("--wf-train") { Description = "Walk-forward training window (d.hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromDays(5) };
        var test = new Option<TimeSpan>("--wf-test") { Description = "Walk-forward trading window (d.hh:mm:ss).", DefaultValueFactory = _ => TimeSpan.FromDays(2) };
        var anchored = new Option<bool>("--wf-anchored") { Description = "Anchored folds: every training window starts at the data's start." };
        var trials = new Option<int>("--wf-trials") { Description = "Hyperparameter trials per fold.", DefaultValueFactory = _ => 4 };
        var noWalkForward = new Option<bool>("--no-walk-forward") { Description = "Skip the walk-forward validation." };
        var tracking = new Option<string?>("--tracking-uri") { Description = "MLflow tracking: an http(s) server or a folder (default: MLFLOW_TRACKING_URI, else <data>/mlruns)." };
        var noTracking = new Option<bool>("--no-tracking") { Description = "Do not log an MLflow run." };
        var command = new Command("backtest", "Stage 5: backtest the exported model tick by tick on the period it never saw, walk forward (retrain per fold, trade the next window), write the reports and the MT5 signal file under <data>/reports/backtest.")
        {
            data, catalog, symbol, name, version, inSample, latency, jitter, commission, lots, balance, train, test, anchored, trials, noWalkForward, tracking, noTracking,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var output = r.InvocationConfiguration.Output;
            var layout = new DataLayout(r.GetValue(data)!);
            await using var jdbc = await CommonOptions.OpenCatalogAsync(r.GetValue(catalog), layout, ct);
            using var tables = CommonOptions.LocalTables(jdbc, layout);
            var options = new BacktestJobOptions
            {
                Layout = layout,
                Symbol = r.GetValue(symbol),
                ModelName = r.GetValue(name)!,
                ModelVersion = r.GetValue(version),
                TestPeriodOnly = !r.GetValue(inSample),
                Backtest = new BacktestOptions
                {
                    InitialBalance = r.GetValue(balance),
                    Latency = r.GetValue(latency),
                    LatencyJitter = r.GetValue(jitter),
                    CommissionPerLot = r.GetValue(commission),
                    Sizing = PositionSizing.FixedLots(r.GetValue(lots)),
                },
                WalkForward = r.GetValue(noWalkForward) ? null : new WalkForwardOptions { TrainWindow = r.GetValue(train), TestWindow = r.GetValue(test), Anchored = r.GetValue(anchored) },
                WalkForwardSearch = new() { MaxTrials = r.GetValue(trials), TimeBudget = TimeSpan.FromMinutes(1) },
                TrackingUri = r.GetValue(noTracking) ? "" : r.GetValue(tracking),
            };
            BacktestJobResult result;
            try
            {
                result = await BacktestJob.RunAsync(tables, options, (IProgress<string>)new ProgressPrinter(Console.Error), ct);
            }
            catch (BacktestException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return e.Kind is BacktestErrorKind.InvalidOptions ? 3 : 2;
            }
            catch (ModelingException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
            catch (ModelBundleException e)
            {
                await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
                return 2;
            }
            catch (ArgumentException e) when (e.ParamName is "options" or "last")
            {
                await Console.Error.WriteLineAsync($"error: {e.Message}");
                return 3;
            }
            catch (CatalogException e) when (e.Kind == CatalogErrorKind.TableNotFound)
            {
                await Console.Error.WriteLineAsync($"error: {e.Message} Run pipeline process (or notebooks/03-process.ipynb) first.");
                return 3;
            }
            Print(output, layout, result);
            return 0;
        }));
        return command;
    }

    private static void Print(TextWriter output, DataLayout layout, BacktestJobResult result)
    {
        var s = result.Report.Statistics;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.Symbol} {result.ModelName} v{result.ModelVersion}, {(result.OutOfSample ? "out of sample" : "in-sample")}: {result.Ticks.Count:N0} ticks, {result.Scored:N0} bars scored, {result.Signals.Count:N0} signals, {s.TradeCount:N0} trades"));
        output.WriteLine(Line("backtest", s));
        if (result.WalkForward is { } wf && result.WalkForwardReport is { } wfReport)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"walk-forward: {wf.Folds.Count} folds, {wf.Trades.Count:N0} trades; Sharpe before costs {wf.OutOfSampleBeforeCosts.Sharpe:0.00}"));
            output.WriteLine(Line("walk-forward (out of sample)", wfReport.Statistics));
            foreach (var f in wf.Folds)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  fold {WalkForwardBacktest.Label(f.Fold)}: return {f.Statistics.TotalReturn:P2}, {f.Statistics.TradeCount} trades, validation AUC {wf.Run.Folds[f.Fold.Index].Model.Report.Validation.Auc:0.000}"));
            }
        }
        output.WriteLine($"hashes: data {result.Report.Provenance.DataHash[..12]}, config {result.Report.Provenance.ConfigHash[..12]}, model {result.Report.Provenance.ModelHash[..12]}");
        output.WriteLine($"reports in {Path.GetRelativePath(layout.Root, result.ReportFolder)}: {string.Join(", ", result.Files.Select(Path.GetFileName))}");
        if (result.RunId is { } run)
        {
            output.WriteLine($"MLflow run {run}");
        }
    }

    private static string Line(string what, BacktestStatistics s) => string.Create(CultureInfo.InvariantCulture,
        $"{what}: return {s.TotalReturn:P2}, Sharpe {s.Sharpe:0.00}, max drawdown {s.MaxDrawdown:P2}, win rate {s.WinRate:P1}, profit factor {s.ProfitFactor:0.00}, costs {s.Costs.Total:N2} (spread {s.Costs.Spread:N2}, commission {s.Costs.Commission:N2}, slippage {s.Costs.Slippage:N2}, swap {s.Costs.Swap:N2})");
}

using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Plotly.NET;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Mt5;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Charts;
using TickKernelExtensions.Display;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Modeling.Splits;
using TickKernelExtensions.Modeling.Training;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Tracking;

namespace TickKernelExtensions.Backtesting;

/// <summary>
/// Stage 5 end to end, as <c>pipeline backtest</c> and <c>05-backtest.ipynb</c> run it: one symbol's tradable silver
/// ticks and gold features from the lake; the exported model bundle backtested tick by tick over the period it never
/// saw (from its test split on), its signals exported as an MT5 Strategy Tester replay file; then a walk-forward
/// validation that retrains through the training API fold by fold and trades each next window; reports as JSON and
/// offline HTML under <c>reports/backtest/&lt;model&gt;/&lt;version&gt;/</c>, carrying the hashes of data, configuration
/// and model; an MLflow run with the figures and reports. The same inputs give byte-identical reports.
/// </summary>
public static class BacktestJob
{
    /// <summary>The file names written into <see cref="BacktestJobResult.ReportFolder"/>.</summary>
    public const string BacktestJson = "backtest.json", BacktestHtml = "backtest.html", WalkForwardJson = "walk-forward.json",
        WalkForwardHtml = "walk-forward.html", Mt5Signals = "signals.mt5.csv";

    /// <summary>Runs the stage; <paramref name="progress"/> hears each step as it starts.</summary>
    /// <exception cref="BacktestException">Bad options; the bundle missing, without a test period, or not matching the features; no ticks in the period.</exception>
    /// <exception cref="Modeling.ModelingException">A walk-forward fold's window cannot give a training set.</exception>
    /// <exception cref="ArgumentException">The data is too short for one walk-forward fold (the message gives both lengths).</exception>
    public static async Task<BacktestJobResult> RunAsync(
        IcebergTables tables, BacktestJobOptions options, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var started = options.TimeProvider.GetTimestamp();
        var featuresId = options.FeaturesTable ?? GoldSchemas.FeaturesTable(FeatureSetDefinition.GoldCore);
        var version = options.ModelVersion ?? LatestVersion(options.Layout.Models, options.ModelName);
        var folder = ModelBundle.FolderOf(options.ModelName, version, options.Layout.Models);
        if (!Directory.Exists(folder))
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, $"There is no model bundle '{options.ModelName}' version {version}: run pipeline train (or notebooks/04-train.ipynb) first.")
            { Field = "model", Expected = $"a bundle folder {folder}", Actual = "missing" };
        }

        progress?.Report($"reading {featuresId} and silver.ticks");
        var symbol = options.Symbol ?? await TrainingJob.FirstSymbolAsync(tables, featuresId, cancellationToken);
        var (features, featuresSnapshot) = await GoldFeatures.ReadAsync(tables, featuresId, symbol, cancellationToken: cancellationToken);
        var (ticks, ticksSnapshot) = await GoldFeatures.ReadTicksAsync(tables, symbol, cancellationToken: cancellationToken);
        if (ticks.Count == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, $"silver.ticks holds no ticks of {symbol}.")
            { Field = "symbol", Expected = "a symbol with ticks in silver.ticks", Actual = symbol };
        }

        progress?.Report($"loading model bundle {options.ModelName} v{version}");
        using var bundle = ModelBundle.Load(folder);
        var (from, inSample) = Period(bundle, options.TestPeriodOnly);
        var window = WalkForwardSlices.Ticks(ticks, from, long.MaxValue);
        if (window.Count == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, $"The model's test period starts after the last tick of {symbol}: there is nothing it did not see to trade.")
            { Field = "period", Expected = $"ticks at or after {TickTime.FromMicros(from):O}", Actual = $"last tick at {TickTime.FromMicros(ticks.Timestamps[^1]):O}" };
        }

        progress?.Report($"backtesting {bundle.Name} v{bundle.Version} on {window.Count:N0} ticks of {symbol}{(inSample ? " (in-sample: the whole data range)" : " from its test split on")}");
        var strategy = new ModelStrategy(bundle, options.Strategy with { ExpectedFeatureSet = features.Definition, KeepSignals = true });
        var backtest = TickBacktester.Run(symbol, window, strategy, options.Backtest);
        var span = $"{TickTime.FromMicros(window.Timestamps[0]):yyyy-MM-dd} … {TickTime.FromMicros(window.Timestamps[^1]):yyyy-MM-dd}";
        var report = BacktestReport.Create(
            $"{symbol} {bundle.Name} v{bundle.Version}, {span}{(inSample ? ", in-sample" : ", out of sample")}",
            backtest.Equity, backtest.Trades,
            new Provenance(DataHash(window, features.Definition), ConfigHash(options, symbol, from, "backtest"), bundle.ContentHash),
            options.Statistics);

        WalkForwardBacktestResult? walkForward = null;
        BacktestReport? walkForwardReport = null;
        var reports = Path.Combine(options.Layout.Reports, "backtest", options.ModelName, version);
        if (options.WalkForward is { } folds)
        {
            progress?.Report("walk-forward: retraining fold by fold on each fold's past, trading the next window");
            var horizon = options.Horizon.Horizon;
            walkForward = await WalkForwardBacktest.RunAsync(symbol, ticks, features, new WalkForwardBacktestOptions
            {
                Folds = folds.Gap < horizon ? folds with { Gap = horizon } : folds,
                Models = new WalkForwardModelOptions
                {
                    Root = reports,
                    ModelName = "fold-models",
                    FeatureColumns = bundle.Signature.InputColumns,
                    Horizon = options.Horizon,
                    Search = options.WalkForwardSearch,
                    Thresholds = bundle.Thresholds,
                    TimeProvider = options.TimeProvider,
                },
                Backtest = options.Backtest,
                Strategy = options.Strategy,
                Statistics = options.Statistics,
            }, progress, cancellationToken);
            var first = walkForward.Folds[0].Fold;
            var last = walkForward.Folds[^1].Fold;
            walkForwardReport = BacktestReport.Create(
                $"{symbol} walk-forward, {walkForward.Folds.Count} folds, {TickTime.FromMicros(first.TestStart):yyyy-MM-dd} … {TickTime.FromMicros(last.TestEnd):yyyy-MM-dd}, out of sample",
                walkForward.Equity, walkForward.Trades,
                new Provenance(DataHash(ticks, features.Definition), ConfigHash(options, symbol, from, "walk-forward"),
                    ProvenanceHash.Sha256(string.Join("\n", walkForward.Run.Folds.Select(f => f.Model.Bundle.ContentHash)))),
                options.Statistics);
        }

        progress?.Report($"writing the reports to {reports}");
        Directory.CreateDirectory(reports);
        var files = new List<string>();
        await WriteAsync(Path.Combine(reports, BacktestJson), report.ToJson(), files, cancellationToken);
        await WriteAsync(Path.Combine(reports, BacktestHtml), report.ToHtmlDocument(BacktestCharts.Trades(window, backtest.Trades, $"{symbol}: trades of {bundle.Name} v{bundle.Version}")), files, cancellationToken);
        if (walkForward is not null && walkForwardReport is not null)
        {
            await WriteAsync(Path.Combine(reports, WalkForwardJson), walkForwardReport.ToJson(), files, cancellationToken);
            await WriteAsync(Path.Combine(reports, WalkForwardHtml), WalkForwardDocument(walkForward, walkForwardReport), files, cancellationToken);
        }
        Mt5ExportSummary? mt5 = null;
        if (options.ExportMt5Signals && strategy.Signals.Count > 0)
        {
            mt5 = await Mt5SignalExport.WriteAsync(strategy.Signals, Path.Combine(reports, Mt5Signals), new Mt5SignalExportOptions { Symbol = symbol }, cancellationToken);
            files.Add(Path.Combine(reports, Mt5Signals));
        }

        string? runId = null;
        if (options.TrackingUri != "")
        {
            progress?.Report("logging the run to MLflow");
            runId = await TrackAsync(options, symbol, bundle, report, walkForward, walkForwardReport, files, cancellationToken);
        }
        return new BacktestJobResult(symbol, bundle.Name, bundle.Version, bundle.ContentHash, !inSample, window, backtest, report,
            strategy.Signals.ToList(), strategy.Scored, walkForward, walkForwardReport, reports, files, mt5, runId,
            [ModelDatasetVersion.FromSnapshot(new Datasets.InputSnapshot(featuresId.ToString(), Snapshot(featuresSnapshot))),
             ModelDatasetVersion.FromSnapshot(new Datasets.InputSnapshot("silver.ticks", Snapshot(ticksSnapshot)))],
            options.TimeProvider.GetElapsedTime(started));
    }

    /// <summary>The highest integer version under <c>&lt;root&gt;/&lt;name&gt;/</c>.</summary>
    /// <exception cref="BacktestException">There is none.</exception>
    public static string LatestVersion(string root, string name)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(name);
        var folder = Path.Combine(root, name);
        var latest = Directory.Exists(folder)
            ? Directory.GetDirectories(folder).Select(Path.GetFileName)
                .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0).DefaultIfEmpty(0).Max()
            : 0;
        if (latest == 0)
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput, $"There is no exported model '{name}' to backtest: run pipeline train (or notebooks/04-train.ipynb) first.")
            { Field = "model", Expected = $"a numbered bundle folder under {folder}", Actual = Directory.Exists(folder) ? "no numbered version" : "no such folder" };
        }
        return latest.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Hash of what a backtest read: the ticks' times, bids and asks (their bytes, little-endian) and the feature
    /// set's content hash. Equal data gives an equal hash whatever snapshot or file it came from.
    /// </summary>
    public static string DataHash(TickColumns ticks, FeatureSetDefinition featureSet)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ArgumentNullException.ThrowIfNull(featureSet);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(MemoryMarshal.AsBytes(ticks.Timestamps));
        hash.AppendData(MemoryMarshal.AsBytes(ticks.Bids));
        hash.AppendData(MemoryMarshal.AsBytes(ticks.Asks));
        hash.AppendData(Encoding.UTF8.GetBytes(featureSet.ContentHash));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // The test period's start, or the data's start for an in-sample run.
    private static (long From, bool InSample) Period(ModelBundle bundle, bool testOnly)
    {
        if (!testOnly)
        {
            return (long.MinValue, true);
        }
        var name = TrainingJob.PeriodName(SplitRole.Test);
        var test = bundle.Datasets.FirstOrDefault(d => d.Name == name);
        if (test is null || !test.TryGetPeriod(out var start, out _))
        {
            throw new BacktestException(BacktestErrorKind.InvalidInput,
                $"Model bundle {bundle.Name} v{bundle.Version} does not record its test split's period, so an out-of-sample backtest cannot tell which ticks it never saw. Retrain it, or backtest in-sample (--in-sample).")
            { Field = "datasets.json", Expected = $"a '{name}' entry (start/end)", Actual = test?.Version ?? "none" };
        }
        return (start, false);
    }

    // Everything that changes the result, canonically hashed; the clock and the paths do not.
    private static string ConfigHash(BacktestJobOptions o, string symbol, long from, string what) => ProvenanceHash.OfConfiguration(new
    {
        What = what,
        Symbol = symbol,
        From = from,
        o.Backtest,
        Bars = o.Strategy.Bars,
        SignalLifetime = o.Strategy.SignalLifetime.Ticks / 10,
        o.Strategy.Trading,
        o.Statistics,
        WalkForward = what == "walk-forward" ? o.WalkForward : null,
        Horizon = what == "walk-forward" ? o.Horizon : null,
        Search = what == "walk-forward" ? o.WalkForwardSearch : null,
    });

    private static string WalkForwardDocument(WalkForwardBacktestResult result, BacktestReport report)
    {
        GenericChart[] charts = [BacktestCharts.EquityAndDrawdown(report), BacktestCharts.WalkForwardFolds(result)];
        var body = new List<string> { HtmlRenderer.ToHtml(WalkForwardView.Build(result, timings: false)), report.ToHtml() };
        for (var i = 0; i < charts.Length; i++)
        {
            body.Add(ChartHtml.NumberedFragment(charts[i], i + 1));
        }
        return OfflineHtml.Document($"Walk-forward report: {report.Title}", string.Join("\n", body));
    }

    private static async Task WriteAsync(string path, string text, List<string> written, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temp, text, new UTF8Encoding(false), cancellationToken);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        written.Add(path);
    }

    private static string Snapshot(long? id) => id?.ToString(CultureInfo.InvariantCulture) ?? "none";

    private static async Task<string> TrackAsync(BacktestJobOptions options, string symbol, ModelBundle bundle, BacktestReport report,
        WalkForwardBacktestResult? walkForward, BacktestReport? walkForwardReport, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var uri = options.TrackingUri ?? Environment.GetEnvironmentVariable("MLFLOW_TRACKING_URI");
        using var client = TrackingClient.Create(new TrackingClientOptions
        {
            TrackingUri = string.IsNullOrEmpty(uri) ? null : uri,
            DefaultRoot = options.Layout.MlRuns,
            TimeProvider = options.TimeProvider,
            SourceName = "pipeline backtest",
        });
        await using var run = await client.StartRunAsync(options.Experiment, $"{bundle.Name}-v{bundle.Version}-backtest",
            new Dictionary<string, string> { ["tick.symbol"] = symbol, ["tick.stage"] = "05-backtest", ["tick.model"] = $"{bundle.Name}/{bundle.Version}" }, cancellationToken);
        run.LogParam("symbol", symbol);
        run.LogParam("model", bundle.Name);
        run.LogParam("model_version", bundle.Version);
        run.LogParam("model_sha256", bundle.ContentHash);
        run.LogParam("data_sha256", report.Provenance.DataHash);
        run.LogParam("config_sha256", report.Provenance.ConfigHash);
        run.LogParam("latency_ms", options.Backtest.Latency.TotalMilliseconds);
        run.LogParam("commission_per_lot", options.Backtest.CommissionPerLot);
        Log(run, "backtest", report.Statistics);
        if (walkForward is not null && walkForwardReport is not null)
        {
            run.LogParam("walk_forward_folds", walkForward.Folds.Count);
            run.LogParam("walk_forward_train", options.WalkForward!.TrainWindow.ToString("c", CultureInfo.InvariantCulture));
            run.LogParam("walk_forward_test", options.WalkForward.TestWindow.ToString("c", CultureInfo.InvariantCulture));
            Log(run, "wf", walkForwardReport.Statistics);
            run.LogMetric("wf_sharpe_before_costs", walkForward.OutOfSampleBeforeCosts.Sharpe);
            for (var i = 0; i < walkForward.Folds.Count; i++)
            {
                run.LogMetric("wf_fold_return", walkForward.Folds[i].Statistics.TotalReturn, i);
                run.LogMetric("wf_fold_sharpe", walkForward.Folds[i].Statistics.Sharpe, i);
            }
        }
        foreach (var file in files)
        {
            await run.LogArtifactAsync(file, "reports", cancellationToken);
        }
        await run.EndAsync(cancellationToken: cancellationToken);
        return run.RunId;
    }

    private static void Log(ActiveRun run, string prefix, BacktestStatistics s)
    {
        foreach (var (name, value) in new (string, double)[]
        {
            ("total_return", s.TotalReturn), ("annualized_return", s.AnnualizedReturn), ("annualized_volatility", s.AnnualizedVolatility),
            ("sharpe", s.Sharpe), ("sortino", s.Sortino), ("calmar", s.Calmar), ("max_drawdown", s.MaxDrawdown),
            ("probabilistic_sharpe", s.ProbabilisticSharpe), ("trades", s.TradeCount), ("win_rate", s.WinRate),
            ("profit_factor", s.ProfitFactor), ("expectancy", s.Expectancy), ("net_pnl", s.NetPnl), ("exposure", s.Exposure),
            ("turnover", s.Turnover), ("cost_spread", s.Costs.Spread), ("cost_commission", s.Costs.Commission),
            ("cost_slippage", s.Costs.Slippage), ("cost_swap", s.Costs.Swap),
        })
        {
            if (double.IsFinite(value))
            {
                run.LogMetric($"{prefix}_{name}", value);
            }
        }
    }
}

/// <summary>What <see cref="BacktestJob.RunAsync"/> produced.</summary>
/// <param name="Symbol">The symbol traded.</param>
/// <param name="ModelName">The bundle's name.</param>
/// <param name="ModelVersion">The bundle's version.</param>
/// <param name="ModelHash">The bundle's content hash.</param>
/// <param name="OutOfSample">True when only ticks from the bundle's test split on were traded.</param>
/// <param name="Ticks">The ticks traded (for the trades chart).</param>
/// <param name="Backtest">The engine's result: trades, equity, counts.</param>
/// <param name="Report">Statistics, trades and equity with the provenance hashes.</param>
/// <param name="Signals">Every signal the model produced.</param>
/// <param name="Scored">Bars the model scored.</param>
/// <param name="WalkForward">The walk-forward run, or null when it was skipped.</param>
/// <param name="WalkForwardReport">The stitched out-of-sample report, or null.</param>
/// <param name="ReportFolder">Where the reports were written.</param>
/// <param name="Files">The files written.</param>
/// <param name="Mt5">The MT5 signal file's summary, or null.</param>
/// <param name="RunId">The MLflow run, or null when tracking was off.</param>
/// <param name="Datasets">The table snapshots read.</param>
/// <param name="Elapsed">Wall time of the stage.</param>
public sealed record BacktestJobResult(
    string Symbol, string ModelName, string ModelVersion, string ModelHash, bool OutOfSample, TickColumns Ticks, BacktestResult Backtest,
    BacktestReport Report, IReadOnlyList<TradeSignal> Signals, int Scored, WalkForwardBacktestResult? WalkForward, BacktestReport? WalkForwardReport,
    string ReportFolder, IReadOnlyList<string> Files, Mt5ExportSummary? Mt5, string? RunId, IReadOnlyList<ModelDatasetVersion> Datasets, TimeSpan Elapsed);

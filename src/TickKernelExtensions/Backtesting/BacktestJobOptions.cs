using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Backtesting.Statistics;
using TickKernelExtensions.Backtesting.WalkForward;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Modeling.Labels;
using TickKernelExtensions.Modeling.Training;

namespace TickKernelExtensions.Backtesting;

/// <summary>What <see cref="BacktestJob.RunAsync"/> backtests, how, and where it leaves the reports.</summary>
public sealed record BacktestJobOptions
{
    /// <summary>The data root: the bundle is read from <c>models/</c>, the reports go to <c>reports/backtest/</c> (<see cref="DataLayout"/>).</summary>
    public required DataLayout Layout { get; init; }

    /// <summary>The symbol to trade; null takes the first symbol of the feature table (as training does).</summary>
    public string? Symbol { get; init; }

    /// <summary>The gold feature table; null is the gold-core table the process stage writes.</summary>
    public TableIdentifier? FeaturesTable { get; init; }

    /// <summary>The exported bundle's name (<c>models/&lt;name&gt;/</c>).</summary>
    public string ModelName { get; init; } = "gold-core-direction";

    /// <summary>Its version; null takes the highest numbered one (the latest <c>pipeline train</c>).</summary>
    public string? ModelVersion { get; init; }

    /// <summary>
    /// Trade only from the bundle's test split on (default true): the model never saw those ticks. False trades the
    /// whole data range, training periods included; the report's title then says "in-sample".
    /// </summary>
    public bool TestPeriodOnly { get; init; } = true;

    /// <summary>
    /// The account and costs. Default: 10,000 USD, leverage 50, 1 lot per entry, 100 ms latency plus up to 50 ms jitter,
    /// 3.5 per lot per side commission (a retail ECN account), the quoted bid/ask spread of every tick, no swap.
    /// </summary>
    public BacktestOptions Backtest { get; init; } = new()
    {
        Latency = TimeSpan.FromMilliseconds(100),
        LatencyJitter = TimeSpan.FromMilliseconds(50),
        CommissionPerLot = 3.5,
    };

    /// <summary>How the model's signals become orders (bars, signal lifetime, stops).</summary>
    public ModelStrategyOptions Strategy { get; init; } = new();

    /// <summary>How statistics are computed (daily returns, annualisation, PSR benchmark).</summary>
    public StatisticsOptions Statistics { get; init; } = StatisticsOptions.Default;

    /// <summary>The walk-forward windows; null skips the walk-forward. Default: train on 5 days, trade the next 2, rolling.</summary>
    public WalkForwardOptions? WalkForward { get; init; } = new() { TrainWindow = TimeSpan.FromDays(5), TestWindow = TimeSpan.FromDays(2) };

    /// <summary>The label each walk-forward fold retrains on (default 15 minutes, as <c>pipeline train</c>); the gap between training and trading is at least this long.</summary>
    public FixedHorizonOptions Horizon { get; init; } = new() { Horizon = TimeSpan.FromMinutes(15) };

    /// <summary>The search of each walk-forward fold (default 4 trials).</summary>
    public HyperparameterSearchOptions WalkForwardSearch { get; init; } = new() { MaxTrials = 4, TimeBudget = TimeSpan.FromMinutes(1) };

    /// <summary>Write the model's signals as an MT5 Strategy Tester replay file beside the reports (default true).</summary>
    public bool ExportMt5Signals { get; init; } = true;

    /// <summary>
    /// Where runs are tracked: null uses <c>MLFLOW_TRACKING_URI</c> when set, else the layout's <c>mlruns/</c>; the
    /// empty string turns tracking off.
    /// </summary>
    public string? TrackingUri { get; init; }

    /// <summary>The MLflow experiment of the backtest runs.</summary>
    public string Experiment { get; init; } = "tick-backtests";

    /// <summary>The clock of the run's times (tests pin it). Reports do not depend on it.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Every invalid field at once.</summary>
    /// <exception cref="BacktestException">InvalidOptions.</exception>
    public void Validate()
    {
        var errors = new List<string>();
        if (Layout is null)
        {
            errors.Add($"{nameof(Layout)} must be set");
        }
        if (string.IsNullOrWhiteSpace(ModelName))
        {
            errors.Add($"{nameof(ModelName)} must not be empty");
        }
        if (Symbol is not null && string.IsNullOrWhiteSpace(Symbol))
        {
            errors.Add($"{nameof(Symbol)} must be null (the first symbol) or a symbol, was '{Symbol}'");
        }
        Collect(errors, nameof(Backtest), () => Backtest.Validate());
        Collect(errors, nameof(Statistics), () => Statistics.Validate());
        Collect(errors, nameof(WalkForward), () => WalkForward?.Validate());
        Collect(errors, nameof(Horizon), () => Horizon.Validate());
        if (errors.Count > 0)
        {
            throw BacktestException.InvalidOptions("backtest job options", errors);
        }
    }

    private static void Collect(List<string> errors, string field, Action validate)
    {
        try
        {
            validate();
        }
        catch (Exception e) when (e is BacktestException or StatisticsException or ArgumentException or Modeling.ModelingException)
        {
            errors.Add($"{field}: {e.Message}");
        }
    }
}

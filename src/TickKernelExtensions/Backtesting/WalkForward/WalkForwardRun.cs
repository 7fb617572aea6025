namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>What trading one fold's window produced.</summary>
/// <param name="Equity">The fold's equity curve over its trading window, starting from its own initial equity.</param>
/// <param name="Trades">The fold's closed trades.</param>
/// <param name="Parameters">The parameters the fold's training chose (hyperparameters, thresholds), for the stability table.</param>
public sealed record FoldOutcome(EquityCurve Equity, IReadOnlyList<BacktestTrade> Trades, IReadOnlyDictionary<string, double> Parameters);

/// <summary>One fold's result: the fold, the model its training produced, and its outcome.</summary>
public sealed record WalkForwardFoldResult<TModel>(WalkForwardFold Fold, TModel Model, FoldOutcome Outcome, TimeSpan TrainTime, TimeSpan TradeTime);

/// <summary>
/// How one parameter moved across folds: its value per fold, mean, standard deviation (population), coefficient of
/// variation (σ / |mean|; NaN when the mean is 0) and the share of folds holding the most common value. A parameter
/// that jumps from fold to fold says the model is fitting noise.
/// </summary>
public sealed record ParameterStability(string Name, IReadOnlyList<double> Values, double Mean, double StdDev, double CoefficientOfVariation, double ModeShare);

/// <summary>Every fold's result, the stitched out-of-sample equity curve and the parameters' stability.</summary>
public sealed record WalkForwardResult<TModel>(
    IReadOnlyList<WalkForwardFoldResult<TModel>> Folds, EquityCurve OutOfSampleEquity, IReadOnlyList<BacktestTrade> Trades,
    IReadOnlyList<ParameterStability> Stability);

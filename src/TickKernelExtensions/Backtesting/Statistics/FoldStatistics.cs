namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>One walk-forward fold's out-of-sample statistics under its name.</summary>
/// <param name="Fold">The fold's name, e.g. <c>fold 3 (2026-04)</c>.</param>
/// <param name="Statistics">Its statistics.</param>
public sealed record FoldStatistics(string Fold, BacktestStatistics Statistics);

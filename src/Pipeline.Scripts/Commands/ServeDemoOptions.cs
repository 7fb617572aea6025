using System.CommandLine;
using TickKernelExtensions.Backtesting.Engine;
using TickKernelExtensions.Execution;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline serve</c>'s demo-account options: <c>--demo-journal</c> turns the account on
/// (<c>ServingHostOptions.DemoJournal</c>); the others map to <see cref="DemoExecutorOptions"/> (account and sizing) and
/// <see cref="DemoRiskLimits"/>, with the same defaults. Values are validated where the host opens the account, which
/// names every bad field.
/// </summary>
internal sealed class ServeDemoOptions
{
    public Option<string?> Journal { get; } = new("--demo-journal")
    {
        Description = "Run a demo (paper) account on the served signals, journaled to this file (JSON lines; an existing journal resumes its account). Off by default.",
    };

    public Option<double?> Balance { get; } = new("--demo-balance") { Description = $"The demo account's initial balance (default {BacktestOptions.Default.InitialBalance:0})." };

    public Option<double?> Lots { get; } = new("--demo-lots") { Description = "Lots per position opened on a signal (default 1)." };

    public Option<double?> Commission { get; } = new("--demo-commission") { Description = $"Commission per lot per side (default {BacktestOptions.Default.CommissionPerLot})." };

    public Option<double?> MaxPositionLots { get; } = new("--max-position-lots") { Description = $"Risk limit: largest position in lots (default {DemoRiskLimits.Default.MaxLotsPerPosition})." };

    public Option<int?> MaxOpenPositions { get; } = new("--max-open-positions") { Description = $"Risk limit: most symbols with a position at once (default {DemoRiskLimits.Default.MaxOpenPositions})." };

    public Option<int?> MaxOrdersPerMinute { get; } = new("--max-orders-per-minute") { Description = $"Risk limit: most orders in any 60 s of tick time (default {DemoRiskLimits.Default.MaxOrdersPerMinute})." };

    public Option<double?> MaxDailyLoss { get; } = new("--max-daily-loss") { Description = "Risk limit: no new position once the UTC day's realised loss reaches this (default: none)." };

    public Option<TimeSpan?> MaxSignalAge { get; } = new("--max-signal-age") { Description = "Risk limit: signals older than this are rejected as stale (default 00:01:00)." };

    public Option<string[]> AllowedSymbols { get; } = new("--allowed-symbols")
    {
        Description = "Risk limit: the only symbols the demo account may trade, comma separated (default: every catalogue symbol).",
        AllowMultipleArgumentsPerToken = true,
    };

    public IEnumerable<Option> All => [Journal, Balance, Lots, Commission, MaxPositionLots, MaxOpenPositions, MaxOrdersPerMinute, MaxDailyLoss, MaxSignalAge, AllowedSymbols];

    /// <summary>The journal and the executor options, or the error to print when demo options come without a journal.</summary>
    public (string? Journal, DemoExecutorOptions Options, string? Error) Read(ParseResult r)
    {
        var journal = r.GetValue(Journal);
        var given = All.Skip(1).Where(o => r.GetResult(o) is { Implicit: false }).Select(o => o.Name).ToList();
        if (journal is null)
        {
            return given.Count == 0 ? (null, DemoExecutorOptions.Default, null)
                : (null, DemoExecutorOptions.Default, $"{string.Join(", ", given)} configure the demo account: give --demo-journal FILE too.");
        }
        var d = DemoExecutorOptions.Default;
        var backtest = d.Backtest with
        {
            InitialBalance = r.GetValue(Balance) ?? d.Backtest.InitialBalance,
            CommissionPerLot = r.GetValue(Commission) ?? d.Backtest.CommissionPerLot,
            Sizing = r.GetValue(Lots) is { } lots ? PositionSizing.FixedLots(lots) : d.Backtest.Sizing,
        };
        var risk = d.Risk with
        {
            MaxLotsPerPosition = r.GetValue(MaxPositionLots) ?? d.Risk.MaxLotsPerPosition,
            MaxOpenPositions = r.GetValue(MaxOpenPositions) ?? d.Risk.MaxOpenPositions,
            MaxOrdersPerMinute = r.GetValue(MaxOrdersPerMinute) ?? d.Risk.MaxOrdersPerMinute,
            MaxDailyLoss = r.GetValue(MaxDailyLoss) ?? d.Risk.MaxDailyLoss,
            MaxSignalAge = r.GetValue(MaxSignalAge) ?? d.Risk.MaxSignalAge,
            AllowedSymbols = r.GetValue(AllowedSymbols) is { Length: > 0 } symbols
                ? symbols.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
                : d.Risk.AllowedSymbols,
        };
        return (journal, d with { Backtest = backtest, Risk = risk }, null);
    }
}

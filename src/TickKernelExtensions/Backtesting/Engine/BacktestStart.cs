using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>What a strategy learns before the first tick: the instrument, its contract and the data's time range.</summary>
/// <param name="Instrument">The catalogue entry of the ticks' symbol.</param>
/// <param name="Contract">The contract used for the account arithmetic.</param>
/// <param name="FirstTime">Time of the first tick, UTC µs.</param>
/// <param name="LastTime">Time of the last tick, UTC µs.</param>
/// <param name="Options">The run's validated options.</param>
public sealed record BacktestStart(Instrument Instrument, ContractSpec Contract, long FirstTime, long LastTime, BacktestOptions Options)
{
    /// <summary>The instrument's symbol.</summary>
    public string Symbol => Instrument.Symbol;
}

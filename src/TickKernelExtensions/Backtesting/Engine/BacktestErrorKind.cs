namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>Why a backtest refused to run (see <see cref="BacktestException"/>).</summary>
public enum BacktestErrorKind
{
    /// <summary>An options record has bad fields (all are listed).</summary>
    InvalidOptions,
    /// <summary>The ticks are unusable: empty, out of order, a non-positive or non-finite price.</summary>
    InvalidInput,
    /// <summary>A symbol the catalogue does not know, or not the symbol of the ticks being run.</summary>
    UnknownSymbol,
    /// <summary>A signal or order time outside the ticks' time range.</summary>
    OutOfRange,
    /// <summary>A strategy submitted an order that cannot be executed as written (size, prices, side).</summary>
    InvalidOrder,
    /// <summary>A model bundle's feature set or signature does not match what the backtest computes or expects.</summary>
    ModelMismatch,
}

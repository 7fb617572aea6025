namespace TickKernelExtensions.Modeling.Signals;

/// <summary>What a signal asks the executor to hold. JSON: <c>"flat"</c>, <c>"buy"</c>, <c>"sell"</c>.</summary>
public enum SignalAction
{
    /// <summary>No position: close any open one, open none.</summary>
    Flat = 0,
    /// <summary>Be long.</summary>
    Buy = 1,
    /// <summary>Be short.</summary>
    Sell = 2,
}

namespace TickKernelExtensions.Execution;

/// <summary>What <see cref="DemoExecutor.OnSignal"/> did with a signal.</summary>
public enum SignalStatus
{
    /// <summary>Accepted; it waits for the symbol's clock to reach its time.</summary>
    Queued,
    /// <summary>Acted on now: its orders are submitted.</summary>
    Acted,
    /// <summary>Refused by a risk limit or the allowed symbols (journaled with the reason).</summary>
    Rejected,
    /// <summary>Not acted on: expired, or nothing new to do (journaled with the reason).</summary>
    Skipped,
    /// <summary>Its id was seen before: ignored, nothing journaled.</summary>
    Duplicate,
}

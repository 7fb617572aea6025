namespace TickKernelExtensions.Market;

/// <summary>What to do with a tick that has a tolerable issue.</summary>
public enum TickPolicy
{
    /// <summary>Fail the whole input with a clear error.</summary>
    Reject,
    /// <summary>Keep the tick as received and count it; cleaning (the silver layer) decides later.</summary>
    Keep,
}

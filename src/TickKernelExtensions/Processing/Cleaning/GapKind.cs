namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>Whether a gap in the ticks is explained by the market being closed.</summary>
public enum GapKind
{
    /// <summary>The market was expected closed for all but at most the gap threshold of the gap (weekend, holiday).</summary>
    ExpectedClosure,

    /// <summary>The market was expected open for longer than the gap threshold: data is missing.</summary>
    Missing,
}

namespace TickKernelExtensions.Processing.Cleaning;

/// <summary>What the cleaner does with a tick that has a tolerable problem.</summary>
public enum CleaningPolicy
{
    /// <summary>Remove the tick from silver and count it under its <see cref="TickDropReason"/>.</summary>
    Drop,

    /// <summary>Keep the tick and mark it with the matching <see cref="TickFlags"/> bit.</summary>
    Flag,
}

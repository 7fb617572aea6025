namespace TickKernelExtensions.Modeling.Splits;

/// <summary>What a split does with one sample.</summary>
public enum SplitRole : byte
{
    /// <summary>Used to fit the model.</summary>
    Train,
    /// <summary>Used to tune and select (chronological splits only).</summary>
    Validation,
    /// <summary>Held out to evaluate.</summary>
    Test,
    /// <summary>Dropped: its label window overlaps the window of a later-evaluated part (label leakage).</summary>
    Purged,
    /// <summary>Dropped: it starts within the embargo after another part's window (serial-correlation leakage).</summary>
    Embargoed,
}

namespace TickKernelExtensions.Ingest.Download;

/// <summary>How one bucket of a range looks in the raw zone.</summary>
public enum GapState
{
    /// <summary>A raw file holds data.</summary>
    Data,
    /// <summary>Empty and the market was expected closed (weekend): not a gap.</summary>
    ExpectedClosed,
    /// <summary>Empty inside trading hours: a suspect gap (holiday, or the feed's intermittent empties).</summary>
    Suspect,
    /// <summary>No data: not found, failed, conflicting or never downloaded.</summary>
    Missing,
    /// <summary>Not ended or not settled yet.</summary>
    Provisional,
}

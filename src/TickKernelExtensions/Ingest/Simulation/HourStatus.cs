namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>What the simulated datafeed holds for one UTC hour of one symbol.</summary>
public enum HourStatus
{
    /// <summary>The market trades: a bi5 file with the hour's ticks (0 bytes if, rarely, none arrived).</summary>
    Trading,
    /// <summary>The market is closed (weekend): a 0-byte file, as Dukascopy serves.</summary>
    Closed,
    /// <summary>The market traded but the file is absent (an injected gap the gap report must find).</summary>
    Missing,
}

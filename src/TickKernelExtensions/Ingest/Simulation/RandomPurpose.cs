namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>What a random stream is used for: part of its key, so the streams never overlap.</summary>
internal enum RandomPurpose : ulong
{
    /// <summary>The sequential hour-level skeleton of one symbol (regimes, counts, hourly closes).</summary>
    Plan = 1,
    /// <summary>The ticks of one hour.</summary>
    Ticks = 2,
}

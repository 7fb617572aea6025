namespace TickKernelExtensions.Ingest.Simulation;

/// <summary>Progress of <see cref="MarketSimulator.WriteMirrorAsync"/>, reported after each hour.</summary>
/// <param name="HoursDone">Hours handled so far (written, unchanged, or confirmed absent).</param>
/// <param name="HoursTotal">Hours to handle: symbols times hours in the window.</param>
/// <param name="Ticks">Ticks encoded so far.</param>
/// <param name="Bytes">bi5 bytes produced so far.</param>
public readonly record struct MirrorProgress(int HoursDone, int HoursTotal, long Ticks, long Bytes);

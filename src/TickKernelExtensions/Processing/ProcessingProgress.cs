namespace TickKernelExtensions.Processing;

/// <summary>Progress of a processing stage: partitions (or symbols) done out of the total, and the one just finished.</summary>
/// <param name="Stage">The stage, e.g. <c>silver</c>, <c>bars</c>, <c>features</c>.</param>
/// <param name="Done">Units finished so far.</param>
/// <param name="Total">Units in the run.</param>
/// <param name="Current">What was just finished, e.g. <c>EURUSD 2024-03-05</c>.</param>
public sealed record ProcessingProgress(string Stage, int Done, int Total, string Current);

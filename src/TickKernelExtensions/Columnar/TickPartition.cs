namespace TickKernelExtensions.Columnar;

/// <summary>One Hive partition of the tick dataset: <c>symbol=&lt;Symbol&gt;/date=&lt;yyyy-MM-dd&gt;</c> (UTC date).</summary>
/// <param name="Symbol">The symbol of every tick in the partition.</param>
/// <param name="Date">The UTC date of every tick in the partition.</param>
/// <param name="Directory">The partition's absolute directory.</param>
public sealed record TickPartition(string Symbol, DateOnly Date, string Directory);

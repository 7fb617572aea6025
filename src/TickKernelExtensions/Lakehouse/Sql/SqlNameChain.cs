namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// A dotted name in SQL text (<c>bronze.ticks</c>, <c>"spark"."bunnies"</c>, <c>t.col</c>) that may reference a
/// catalog table, with the Trino time-travel clause that follows it, if any.
/// </summary>
/// <param name="Parts">The name's parts: unquoted ones folded to lower case, quoted ones as written.</param>
/// <param name="PartStarts">Where each part starts in the SQL.</param>
/// <param name="PartEnds">Where each part ends (exclusive).</param>
/// <param name="Version">The snapshot a <c>FOR VERSION|TIMESTAMP AS OF</c> clause selects, else null.</param>
/// <param name="ClauseEnd">Where the time-travel clause ends (exclusive); the end of the last part when there is none.</param>
/// <param name="FollowedByAlias">True when an alias follows the name (or its clause).</param>
internal sealed record SqlNameChain(
    IReadOnlyList<string> Parts,
    IReadOnlyList<int> PartStarts,
    IReadOnlyList<int> PartEnds,
    TableVersion? Version,
    int ClauseEnd,
    bool FollowedByAlias);

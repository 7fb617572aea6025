namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>
/// What one query read of one catalog table: the snapshot (null for an empty table), the data files it opened, the
/// files and manifests that planning left out because no row in them could match the query's WHERE, and those
/// conditions as the planner used them (one entry per reference of the table; empty when nothing could prune).
/// </summary>
/// <param name="Table">The table, <c>namespace.name</c>.</param>
/// <param name="SnapshotId">The snapshot read.</param>
/// <param name="DataFiles">Data files the query reads.</param>
/// <param name="DataFilesPruned">Data files left out by their partition values or column bounds.</param>
/// <param name="ManifestsRead">Manifests opened during planning.</param>
/// <param name="ManifestsPruned">Manifests left out by their partition summaries in the manifest list.</param>
/// <param name="PrunedBy">The conditions that pruned, e.g. <c>ts &gt;= 2024-01-05 …</c>.</param>
public sealed record TableScan(
    string Table, long? SnapshotId, int DataFiles, int DataFilesPruned, int ManifestsRead, int ManifestsPruned, IReadOnlyList<string> PrunedBy);

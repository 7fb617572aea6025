using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>What a <see cref="GoldTables.BuildAsync"/> run did.</summary>
/// <param name="SilverSnapshotId">The silver.ticks snapshot read (the input of both tables).</param>
/// <param name="BarsTable">The bar table, e.g. <c>gold.bars_1m</c>.</param>
/// <param name="BarsSnapshotId">Its new snapshot; null when there was nothing to build.</param>
/// <param name="FeaturesTable">The feature table, e.g. <c>gold.features_gold_core_v1</c>.</param>
/// <param name="FeaturesSnapshotId">Its new snapshot; null when there was nothing to build.</param>
/// <param name="FeatureSet">The feature set the table holds (also stored in its properties).</param>
/// <param name="Bars">Bars written.</param>
/// <param name="Partitions">(symbol, day) partitions written to each table.</param>
/// <param name="Elapsed">Wall time.</param>
public sealed record GoldResult(
    long? SilverSnapshotId, TableIdentifier BarsTable, long? BarsSnapshotId, TableIdentifier FeaturesTable, long? FeaturesSnapshotId,
    FeatureSetDefinition FeatureSet, long Bars, int Partitions, TimeSpan Elapsed);

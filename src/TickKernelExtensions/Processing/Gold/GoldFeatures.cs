using System.Globalization;
using DuckDB.NET.Data;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Cleaning;
using TickKernelExtensions.Processing.Features;
using TickKernelExtensions.Processing.Lake;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>
/// Reads what the gold stage published back into memory for training: one symbol's feature rows as a
/// <see cref="FeatureTable"/> (the feature set from the table's own properties, so the columns are the ones that
/// definition computes) and the same symbol's tradable silver ticks (the flags gold leaves out of bars left out here
/// too), each with the snapshot it read, for the model's lineage.
/// </summary>
public static class GoldFeatures
{
    /// <summary>One symbol's rows of a feature table in time order, at the current snapshot or <paramref name="snapshotId"/>.</summary>
    /// <exception cref="IcebergException">The table has no feature set in its properties, or its columns are not the set's.</exception>
    public static async Task<(FeatureTable Table, long? SnapshotId)> ReadAsync(
        IcebergTables tables, TableIdentifier featuresTable, string symbol, long? snapshotId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(featuresTable);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var reader = await tables.LoadAsync(featuresTable, cancellationToken);
        var definition = Definition(reader, featuresTable);
        var columns = new FeatureSetCalculator(definition).Columns;
        var options = new IcebergScanOptions { SnapshotId = snapshotId };
        var plan = reader.Plan(options);
        var present = plan.Schema.Fields.Select(f => f.Name).Skip(3).ToList();
        if (!present.SequenceEqual(columns, StringComparer.Ordinal))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, $"The columns of {featuresTable} are not those of its feature set '{definition.Name}'.")
            {
                File = reader.MetadataLocation,
                Field = "schema",
                Expected = string.Join(", ", columns),
                Actual = string.Join(", ", present),
            };
        }
        using var connection = LakeParquetFile.OpenConnection();
        var (view, _) = IcebergDuckDbSql.Build(reader, options, [[IcebergPredicate.Equal("symbol", symbol)]], connection);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT epoch_us(open_time), epoch_us(close_time), " + string.Join(", ", columns.Select(IcebergParquetFileReader.Quote)) +
            $" FROM ({view}) WHERE symbol = $symbol ORDER BY open_time";
        command.Parameters.Add(new DuckDBParameter("symbol", symbol));
        var table = new FeatureTable(definition, columns, 4096);
        var row = new double[columns.Count];
        using var rows = command.ExecuteReader();
        while (rows.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var c = 0; c < row.Length; c++)
            {
                row[c] = rows.IsDBNull(c + 2) ? double.NaN : rows.GetDouble(c + 2);
            }
            table.AddRow(rows.GetInt64(0), rows.GetInt64(1), row);
        }
        return (table, plan.Snapshot?.SnapshotId);
    }

    /// <summary>
    /// One symbol's silver ticks in time order, without those carrying any of <paramref name="excludeFlags"/> (by
    /// default the ones gold leaves out of bars), at the current snapshot.
    /// </summary>
    public static async Task<(TickColumns Ticks, long? SnapshotId)> ReadTicksAsync(
        IcebergTables tables, string symbol, TickFlags excludeFlags = TickFlags.Spike | TickFlags.CrossedQuote, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var silver = await tables.LoadAsync(SilverTicks.Table, cancellationToken);
        var snapshot = silver.Metadata.CurrentSnapshotId;
        var ticks = new TickColumns(1 << 16);
        var flags = new List<int>();
        using var connection = LakeParquetFile.OpenConnection();
        foreach (var partition in LakeTicks.Partitions(silver, new IcebergScanOptions { SnapshotId = snapshot }).Where(p => p.Symbol == symbol))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var day = LakeTicks.Read(silver, partition, connection, flags);
            for (var i = 0; i < day.Count; i++)
            {
                if ((flags[i] & (int)excludeFlags) == 0)
                {
                    ticks.Add(day.Timestamps[i], day.Bids[i], day.Asks[i], day.BidVolumes[i], day.AskVolumes[i]);
                }
            }
        }
        return (ticks, snapshot);
    }

    /// <summary>The feature set a gold feature table was built with (its <c>tick.feature-set</c> property, hash checked).</summary>
    public static FeatureSetDefinition Definition(IcebergTableReader table, TableIdentifier name)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (!table.Metadata.Properties.TryGetValue("tick.feature-set", out var json))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, $"{name} has no feature set in its properties: it was not written by the gold stage.")
            {
                File = table.MetadataLocation,
                Field = "tick.feature-set",
                Expected = "the feature set's canonical JSON",
                Actual = "missing",
            };
        }
        var definition = FeatureSetDefinition.FromJson(json);
        if (table.Metadata.Properties.TryGetValue("tick.feature-set.sha256", out var hash) && !string.Equals(hash, definition.ContentHash, StringComparison.Ordinal))
        {
            throw new IcebergException(IcebergErrorKind.SchemaMismatch, $"The feature set stored with {name} does not hash to the value stored beside it.")
            {
                File = table.MetadataLocation,
                Field = "tick.feature-set.sha256",
                Expected = hash,
                Actual = definition.ContentHash.ToString(CultureInfo.InvariantCulture),
            };
        }
        return definition;
    }
}

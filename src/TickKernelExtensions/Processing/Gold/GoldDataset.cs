using System.Globalization;
using System.Text;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Processing.Silver;

namespace TickKernelExtensions.Processing.Gold;

/// <summary>
/// Versions a gold feature table as a DVC dataset: the table's current snapshot is exported to
/// <c>&lt;datasets&gt;/&lt;table&gt;/</c> (its data files as <c>symbol=…/&lt;day&gt;.parquet</c>, plus <c>feature-set.json</c>),
/// the folder replaced as a whole (a failed export leaves the previous version in place), and added to the DVC
/// repository with its lineage: the bronze, silver, bar and feature snapshots it came from, the code version, the
/// bar and cleaning parameters and the feature set's name, version and hash.
/// </summary>
public static class GoldDataset
{
    /// <summary>Exports and adds the dataset; returns DVC's result (the <c>.dvc</c> file, files and bytes).</summary>
    public static async Task<(string Folder, AddResult Added)> VersionAsync(
        IcebergTables tables, DvcRepository repository, string datasetsFolder, SilverResult? silver, GoldResult gold, GoldOptions options,
        IProgress<DatasetProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(options);
        var entry = await tables.Catalog.LoadTableAsync(gold.FeaturesTable, cancellationToken);
        var reader = IcebergTableReader.Open(tables.Io, entry.MetadataLocation);
        var plan = reader.Plan();
        var folder = Path.GetFullPath(Path.Combine(datasetsFolder, gold.FeaturesTable.Name));
        var staging = folder + ".incoming-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var task in plan.DataFiles)
            {
                var local = tables.Io.LocalPath(task.File.FilePath)
                    ?? throw new IcebergException(IcebergErrorKind.FileNotFound, "A data file of the feature table is not reachable on disk.") { File = task.File.FilePath };
                var symbol = task.File.Partition.Values.OfType<string>().FirstOrDefault() ?? "unknown";
                var day = task.File.Partition.Values.OfType<DateOnly>().FirstOrDefault();
                var target = Path.Combine(staging, "symbol=" + symbol, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ".parquet");
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(local, target);
            }
            await File.WriteAllTextAsync(Path.Combine(staging, "feature-set.json"), gold.FeatureSet.ToJson() + "\n", new UTF8Encoding(false), cancellationToken);
            Swap(staging, folder);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
        var inputs = new List<InputSnapshot>();
        void Input(string table, long? snapshot)
        {
            if (snapshot is { } id)
            {
                inputs.Add(new InputSnapshot(table, id.ToString(CultureInfo.InvariantCulture)));
            }
        }
        Input("bronze.ticks", silver?.BronzeSnapshotId);
        Input(SilverTicks.Table.ToString(), gold.SilverSnapshotId);
        Input(gold.BarsTable.ToString(), gold.BarsSnapshotId);
        Input(gold.FeaturesTable.ToString(), reader.Metadata.CurrentSnapshotId);
        var lineage = new DatasetLineage
        {
            Inputs = inputs,
            FeatureSet = FeatureSetVersion.From(gold.FeatureSet),
            Parameters = new Dictionary<string, string>
            {
                ["bars.timeframe"] = GoldSchemas.Timeframe(options.Bars.Timeframe),
                ["bars.empty"] = options.Bars.EmptyBars.ToString(),
                ["bars.session"] = options.Bars.SessionTimeZone ?? "utc",
                ["bars.exclude-flags"] = options.ExcludeFlags.ToString(),
            },
        };
        return (folder, await repository.AddAsync(folder, lineage, progress, cancellationToken));
    }

    // The new folder takes the old one's place: old → aside, new → place, aside deleted. A crash in between leaves
    // either the old folder or the new one (plus an aside folder to delete), never a half-written one.
    private static void Swap(string incoming, string folder)
    {
        if (!Directory.Exists(folder))
        {
            Directory.Move(incoming, folder);
            return;
        }
        var aside = folder + ".previous-" + Guid.NewGuid().ToString("N")[..8];
        Directory.Move(folder, aside);
        Directory.Move(incoming, folder);
        Directory.Delete(aside, recursive: true);
    }
}

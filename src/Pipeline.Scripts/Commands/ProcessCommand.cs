using System.CommandLine;
using System.Globalization;
using TickKernelExtensions;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Processing;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Gold;
using TickKernelExtensions.Processing.Silver;

namespace Pipeline.Scripts.Commands;

/// <summary>
/// <c>pipeline process</c>: stage 3 on the embedded engine — bronze.ticks → silver.ticks (+ silver.quality) →
/// gold.bars_&lt;tf&gt; and gold.features_&lt;set&gt;, then the feature table versioned as a DVC dataset under
/// <c>&lt;data&gt;/datasets</c>.
/// </summary>
internal static class ProcessCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var catalog = CommonOptions.Catalog();
        var warehouse = new Option<string?>("--warehouse")
        {
            Description = $"Where new tables go: a folder or s3://bucket/prefix (default: {IcebergTablesOptions.WarehouseEnvironmentVariable}, else <data>/lake).",
        };
        var symbols = new Option<string[]>("--symbol") { Description = "Only this symbol (repeatable); default: every symbol of bronze.ticks.", AllowMultipleArgumentsPerToken = true };
        var from = new Option<DateOnly?>("--from") { Description = "Clean only days on or after this UTC day (yyyy-MM-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Clean only days on or before this UTC day (yyyy-MM-dd)." };
        var timeframe = new Option<TimeSpan>("--timeframe")
        {
            Description = "Bar length (hh:mm:ss, e.g. 00:01:00 for one-minute bars).",
            DefaultValueFactory = _ => TimeSpan.FromMinutes(1),
        };
        var skipSilver = new Option<bool>("--skip-silver") { Description = "Build gold from the silver table as it is." };
        var noDataset = new Option<bool>("--no-dataset") { Description = "Do not export and version the feature table with DVC." };
        var threads = new Option<int>("--threads") { Description = "Partitions (silver) and symbols (gold) processed at once.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var s3 = new S3CliOptions();
        var command = new Command("process", "Stage 3: clean bronze.ticks into silver.ticks (quality report in silver.quality), build gold bars and features, and version the feature table as a DVC dataset under <data>/datasets.")
        {
            data, catalog, warehouse, symbols, from, to, timeframe, skipSilver, noDataset, threads,
        };
        foreach (var option in s3.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var output = r.InvocationConfiguration.Output;
            var layout = new DataLayout(r.GetValue(data)!);
            var setting = r.GetValue(catalog) ?? Environment.GetEnvironmentVariable(JdbcCatalogOptions.EnvironmentVariable);
            await using var jdbc = await JdbcCatalog.OpenAsync(JdbcCatalogOptions.FromSetting(setting, layout), ct);
            var root = r.GetValue(warehouse)
                ?? (Environment.GetEnvironmentVariable(IcebergTablesOptions.WarehouseEnvironmentVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment : Path.GetFullPath(layout.Lake));
            using var tables = new IcebergTables(jdbc, new IcebergTablesOptions
            {
                Warehouse = root,
                S3 = s3.Resolve(r),
                Cache = new IcebergFileCacheOptions { Directory = layout.Cache },
            });
            var chosen = r.GetValue(symbols) is { Length: > 0 } list ? list : null;
            if (r.GetValue(from) is { } first && r.GetValue(to) is { } last && first > last)
            {
                await Console.Error.WriteLineAsync($"--from {first:yyyy-MM-dd} is after --to {last:yyyy-MM-dd}.");
                return 3;
            }
            var input = r.GetValue(skipSilver) ? SilverTicks.Table : BronzeTicks.Table;
            if (!await jdbc.TableExistsAsync(input, ct))
            {
                await Console.Error.WriteLineAsync($"{input} is not in the catalog '{jdbc.Name}': run " +
                    (r.GetValue(skipSilver) ? "pipeline process without --skip-silver" : "pipeline publish (or notebooks/02-lakehouse.ipynb)") + " first.");
                return 3;
            }
            var progress = new ProgressPrinter(Console.Error);
            SilverResult? silver = null;
            if (!r.GetValue(skipSilver))
            {
                silver = await SilverTicks.BuildAsync(tables, new SilverOptions
                {
                    Symbols = chosen,
                    From = r.GetValue(from),
                    To = r.GetValue(to),
                    MaxDegreeOfParallelism = r.GetValue(threads),
                }, progress, ct);
                var q = silver.Quality;
                var committed = silver.SilverSnapshotId is { } s ? "snapshot " + s.ToString(CultureInfo.InvariantCulture) : "nothing to clean";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{SilverTicks.Table}: {q.Reports.Count} partitions, {q.InputTicks:N0} ticks in, {q.KeptTicks:N0} kept, {q.DroppedTicks:N0} dropped, {q.FlaggedTicks:N0} flagged, {q.MissingGaps} missing gaps; {committed} ({silver.Elapsed.TotalSeconds:0.0} s, {silver.TicksPerSecond:N0} ticks/s)"));
            }
            var goldOptions = new GoldOptions
            {
                Bars = new TimeBarOptions { Timeframe = r.GetValue(timeframe) },
                Symbols = chosen,
                MaxDegreeOfParallelism = r.GetValue(threads),
            };
            var gold = await GoldTables.BuildAsync(tables, goldOptions, progress, ct);
            var built = gold.FeaturesSnapshotId is { } f ? string.Create(CultureInfo.InvariantCulture, $"snapshots {gold.BarsSnapshotId}, {f}") : "nothing to build";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{gold.BarsTable}, {gold.FeaturesTable}: {gold.Bars:N0} bars in {gold.Partitions} partitions; feature set {gold.FeatureSet.Name} v{gold.FeatureSet.Version} ({gold.FeatureSet.ContentHash[..12]}); {built} ({gold.Elapsed.TotalSeconds:0.0} s)"));
            if (!r.GetValue(noDataset) && gold.FeaturesSnapshotId is not null)
            {
                var repository = DvcRepository.Open(layout.Root);
                var (folder, added) = await GoldDataset.VersionAsync(tables, repository, layout.Datasets, silver, gold, goldOptions, cancellationToken: ct);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"dataset {Path.GetRelativePath(layout.Root, folder)}: {added.Files} files, {added.Bytes:N0} bytes, md5 {added.Output.Md5} → {Path.GetRelativePath(layout.Root, added.DvcFile)}"));
            }
            return 0;
        }));
        return command;
    }
}

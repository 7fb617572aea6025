using System.CommandLine;
using TickKernelExtensions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Lakehouse.Bronze;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline publish</c>: stage 1's tick Parquet → the Iceberg table <c>bronze.ticks</c> in the catalog.</summary>
internal static class PublishCommand
{
    public static Command Build()
    {
        var data = CommonOptions.Data();
        var source = new Option<string?>("--source")
        {
            Description = "The stage-1 source to publish (e.g. builtin-1a2b3c4d, dukascopy-bi5); default: the only one in the dataset.",
        };
        var catalog = CommonOptions.Catalog();
        var warehouse = new Option<string?>("--warehouse")
        {
            Description = $"Where new tables go: a folder or s3://bucket/prefix (default: {IcebergTablesOptions.WarehouseEnvironmentVariable}, else <data>/lake). Existing tables stay where the catalog says they are.",
        };
        var s3 = new S3CliOptions();
        var command = new Command("publish", "Publish stage 1's tick Parquet as the Iceberg table bronze.ticks (warehouse <data>/lake or s3://bucket/prefix): new days appended, changed days replaced, unchanged days left alone.")
        {
            data, source, catalog, warehouse,
        };
        foreach (var option in s3.All)
        {
            command.Options.Add(option);
        }
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var layout = new DataLayout(r.GetValue(data)!);
            var dataset = new TickParquetDataset(layout.Ticks);
            var sources = dataset.ListFiles().Select(f => Path.GetFileNameWithoutExtension(f.Path)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var chosen = r.GetValue(source);
            if (chosen is null)
            {
                if (sources.Count != 1)
                {
                    await Console.Error.WriteLineAsync(sources.Count == 0
                        ? $"No tick Parquet under {layout.Ticks}: run stage 1 first (pipeline ingest)."
                        : $"Several sources under {layout.Ticks} ({string.Join(", ", sources)}): choose one with --source.");
                    return 3;
                }
                chosen = sources[0];
            }
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
            var result = await BronzeTicks.PublishAsync(tables, dataset, chosen, layout.LakehouseState, ct);
            r.InvocationConfiguration.Output.WriteLine($"{result.Table}: {result.Files} days of {result.SourceId}: {result.Added} appended, {result.Replaced} replaced, {result.Unchanged} unchanged; "
                + (result.Commits == 0 ? "nothing to commit" : $"{result.Commits} commit(s), snapshot {result.SnapshotId}"));
            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using TickKernelExtensions.Lakehouse.Deploy;

namespace Pipeline.Scripts.Commands;

/// <summary><c>pipeline deploy-config</c>: writes (or checks) the Trino and Spark files that point at our catalog and warehouse.</summary>
internal static class DeployConfigCommand
{
    public static Command Build()
    {
        var defaults = new EngineCatalogSettings();
        var output = new Option<string>("--out") { Description = "The deploy folder.", DefaultValueFactory = _ => "deploy" };
        var catalog = new Option<string>("--catalog-name") { Description = "Catalog name (iceberg_tables.catalog_name).", DefaultValueFactory = _ => defaults.CatalogName };
        var jdbc = new Option<string>("--jdbc-url") { Description = "The PostgreSQL catalog as a JDBC URL.", DefaultValueFactory = _ => defaults.JdbcUrl };
        var warehouse = new Option<string>("--warehouse") { Description = "Where new tables go (s3://bucket/prefix).", DefaultValueFactory = _ => defaults.Warehouse };
        var endpoint = new Option<string>("--s3-endpoint") { Description = "S3-compatible endpoint, or 'aws' for AWS itself.", DefaultValueFactory = _ => defaults.S3Endpoint ?? "aws" };
        var region = new Option<string>("--s3-region") { Description = "S3 region.", DefaultValueFactory = _ => defaults.S3Region };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 when a file differs from what would be written." };
        var command = new Command("deploy-config", "Write the Trino catalog properties and Spark catalog settings for the PostgreSQL JDBC catalog and the S3 warehouse (secrets stay in environment variables).")
        {
            output, catalog, jdbc, warehouse, endpoint, region, check,
        };
        command.SetAction((r, ct) => CommonOptions.Guard(async () =>
        {
            var settings = defaults with
            {
                CatalogName = r.GetValue(catalog)!,
                JdbcUrl = r.GetValue(jdbc)!,
                Warehouse = r.GetValue(warehouse)!,
                S3Endpoint = r.GetValue(endpoint) is "aws" ? null : r.GetValue(endpoint),
                S3Region = r.GetValue(region)!,
            };
            if (settings.Problems() is { Count: > 0 } problems)
            {
                foreach (var problem in problems)
                {
                    await Console.Error.WriteLineAsync(problem);
                }
                return 3;
            }
            var root = r.GetValue(output)!;
            var differs = 0;
            foreach (var (relative, text) in EngineCatalogFiles.Render(settings))
            {
                var path = Path.Combine(root, relative);
                if (r.GetValue(check))
                {
                    var current = File.Exists(path) ? await File.ReadAllTextAsync(path, ct) : null;
                    if (current != text)
                    {
                        differs++;
                        await Console.Error.WriteLineAsync($"{path}: {(current is null ? "missing" : "differs from what `pipeline deploy-config` writes")}");
                    }
                    continue;
                }
                AtomicFile.WriteAllText(path, text);
                Console.WriteLine($"wrote {path}");
            }
            return differs == 0 ? 0 : 1;
        }));
        return command;
    }
}

using System.CommandLine;
using System.Globalization;
using TickKernelExtensions;
using TickKernelExtensions.Lakehouse.Catalog;
using TickKernelExtensions.Lakehouse.Iceberg;
using TickKernelExtensions.Lakehouse.Tables;
using TickKernelExtensions.Market;

namespace Pipeline.Scripts.Commands;

/// <summary>Options several commands share, with one parser each.</summary>
internal static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "The data root (see data/README.md).",
        DefaultValueFactory = _ => "data",
    };

    /// <summary><c>--catalog</c>: the lakehouse catalog setting (PostgreSQL connection string or SQLite file).</summary>
    public static Option<string?> Catalog() => new("--catalog")
    {
        Description = $"The catalog, as {JdbcCatalogOptions.EnvironmentVariable} takes it (default: {JdbcCatalogOptions.EnvironmentVariable}, else <data>/{JdbcCatalogOptions.SqliteFileName}).",
    };

    /// <summary>The catalog named by <paramref name="setting"/> (else the environment, else the data root's SQLite file).</summary>
    public static Task<JdbcCatalog> OpenCatalogAsync(string? setting, DataLayout layout, CancellationToken cancellationToken) =>
        JdbcCatalog.OpenAsync(JdbcCatalogOptions.FromSetting(setting ?? Environment.GetEnvironmentVariable(JdbcCatalogOptions.EnvironmentVariable), layout), cancellationToken);

    /// <summary>The tables of the data root's local warehouse, remote files cached under <c>cache/</c>.</summary>
    public static IcebergTables LocalTables(JdbcCatalog catalog, DataLayout layout) => new(catalog, new IcebergTablesOptions
    {
        Warehouse = Path.GetFullPath(layout.Lake),
        Cache = new IcebergFileCacheOptions { Directory = layout.Cache },
    });

    public static Option<string[]> Symbols(string description) => new("--symbols", "-s")
    {
        Description = description + " Comma-separated, e.g. EURUSD,USDJPY.",
        AllowMultipleArgumentsPerToken = true,
        CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    public static Option<DateTime?> Time(string name, string description) => new(name)
    {
        Description = description + " UTC; a date (2024-03-04) or a time (2024-03-04T10:00).",
        CustomParser = r =>
        {
            var text = r.Tokens.Single().Value;
            if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var t))
            {
                return DateTime.SpecifyKind(t, DateTimeKind.Utc);
            }
            r.AddError($"{name}: '{text}' is not a date or time (expected e.g. 2024-03-04 or 2024-03-04T10:00).");
            return null;
        },
    };

    /// <summary>Runs a command body, turning known errors into one clear line and exit code 2.</summary>
    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (MarketDataException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Lakehouse.Iceberg.IcebergException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Lakehouse.Catalog.CatalogException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Datasets.DatasetException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Storage.ObjectStoreException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Tracking.TrackingException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (TickKernelExtensions.Modeling.Export.ModelBundleException e)
        {
            await Console.Error.WriteLineAsync($"error ({e.Kind}): {e.Message}");
            return 2;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("cancelled");
            return 130;
        }
    }
}

using TickKernelExtensions.Lakehouse.Iceberg;

namespace TickKernelExtensions.Tests.Lakehouse.Iceberg;

/// <summary>The real Iceberg tables in ../shared/fixtures/iceberg, read in place through the s3(a)://hyperparam-iceberg/ remapping.</summary>
internal static class IcebergFixtureTables
{
    public const string Bucket = "hyperparam-iceberg";

    /// <summary>File IO that maps the fixtures' bucket to the fixture folder.</summary>
    public static LocalIcebergFileIO Io() => LocalIcebergFileIO.ForBucket(Bucket, Fixtures.Path("iceberg/hyperparam-iceberg"));

    /// <summary>Opens <c>table</c> (e.g. <c>spark/bunnies</c>) at one metadata file, by its s3a:// location.</summary>
    public static IcebergTableReader Open(string table, string metadataFile) =>
        IcebergTableReader.Open(Io(), $"s3a://{Bucket}/{table}/metadata/{metadataFile}");

    /// <summary>A row rendered as the fixture README writes it: values joined by ", ", null as "null", decimals without trailing zeros.</summary>
    public static string Render(object?[] row) => string.Join(", ", row.Select(v => v switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.############################", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => v.ToString(),
    }));
}

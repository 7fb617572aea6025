using System.Globalization;
using TickKernelExtensions.Datasets;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Modeling.Export;

/// <summary>
/// A dataset version a model was trained on, as <c>datasets.json</c> records it.
/// </summary>
/// <param name="Name">The dataset, e.g. the tracked path <c>datasets/gold.features</c> or a table name.</param>
/// <param name="Version">
/// Its exact version: the DVC output hash (<c>md5:&lt;hex&gt;.dir</c> for a folder, <c>md5:&lt;hex&gt;</c> for a file),
/// or a table snapshot <c>table@snapshot</c>; any text that pins the bytes read.
/// </param>
public sealed record ModelDatasetVersion(string Name, string Version)
{
    /// <summary>A DVC output: the name is its path in the <c>.dvc</c> file, the version <c>md5:&lt;hash&gt;</c>.</summary>
    public static ModelDatasetVersion FromDvc(DvcOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new ModelDatasetVersion(output.Path, "md5:" + output.Md5);
    }

    /// <summary>A table snapshot: the name is the table, the version <c>table@snapshot</c>.</summary>
    public static ModelDatasetVersion FromSnapshot(InputSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return new ModelDatasetVersion(snapshot.Table, snapshot.ToString());
    }

    /// <summary>
    /// A time span of the data, e.g. the split a model was tested on: the version is <c>start/end</c> in ISO 8601 UTC
    /// (<c>2024-03-20T09:31:00.0000000Z/2024-03-25T00:00:00.0000000Z</c>, end exclusive), which
    /// <see cref="TryGetPeriod"/> reads back.
    /// </summary>
    public static ModelDatasetVersion Period(string name, long start, long end)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, end);
        return new ModelDatasetVersion(name, string.Create(CultureInfo.InvariantCulture, $"{TickTime.FromMicros(start):O}/{TickTime.FromMicros(end):O}"));
    }

    /// <summary>Reads a <see cref="Period"/> version back (UTC µs); false when the version is not one.</summary>
    public bool TryGetPeriod(out long start, out long end)
    {
        (start, end) = (0, 0);
        var slash = Version.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0
            || !DateTime.TryParseExact(Version.AsSpan(0, slash), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var from)
            || !DateTime.TryParseExact(Version.AsSpan(slash + 1), "O", CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var to)
            || from.Kind != DateTimeKind.Utc || to.Kind != DateTimeKind.Utc || to < from)
        {
            return false;
        }
        (start, end) = (TickTime.ToMicros(from), TickTime.ToMicros(to));
        return true;
    }
}

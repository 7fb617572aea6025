using TickKernelExtensions.Datasets;

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
}

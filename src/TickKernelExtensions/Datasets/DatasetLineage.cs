namespace TickKernelExtensions.Datasets;

/// <summary>
/// Where a dataset version came from: the input table snapshots it read, the code that built it, the parameters it
/// was built with and the feature set. Stored in the <c>.dvc</c> file under <c>meta.lineage</c> (DVC keeps and
/// ignores <c>meta</c>), so it travels with the dataset's hash in git and is read back with
/// <see cref="DvcRepository.ReadLineage"/>.
/// </summary>
public sealed record DatasetLineage
{
    /// <summary>The inputs at the snapshots read, e.g. <c>bronze.ticks@5928164749202844321</c> (default none).</summary>
    public IReadOnlyList<InputSnapshot> Inputs { get; init; } = [];

    /// <summary>
    /// The code version: <c>git:&lt;commit&gt;</c> or <c>assembly:&lt;name&gt; &lt;version&gt;</c>; default
    /// <see cref="Datasets.CodeVersion.Detect"/> from the current folder.
    /// </summary>
    public string CodeVersion { get; init; } = Datasets.CodeVersion.Detect();

    /// <summary>The build parameters, written in ordinal key order (default none).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The feature set, when the dataset has one (default null).</summary>
    public FeatureSetVersion? FeatureSet { get; init; }
}

namespace TickKernelExtensions.Datasets;

/// <summary>How a workspace file differs from what its <c>.dvc</c> file records.</summary>
public enum FileChangeKind
{
    /// <summary>In the workspace, not in the recorded version (DVC: new).</summary>
    Added,

    /// <summary>In both, with other bytes.</summary>
    Modified,

    /// <summary>In the recorded version, missing from the workspace.</summary>
    Deleted,
}

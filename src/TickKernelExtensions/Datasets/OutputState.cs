namespace TickKernelExtensions.Datasets;

/// <summary>How a tracked output's workspace copy compares with its <c>.dvc</c> file.</summary>
public enum OutputState
{
    /// <summary>The workspace holds exactly the recorded version.</summary>
    Unchanged,

    /// <summary>Files were added, modified or deleted (listed in <see cref="OutputStatus.Changes"/>).</summary>
    Modified,

    /// <summary>The tracked path is missing from the workspace (check it out, or pull it).</summary>
    Deleted,
}

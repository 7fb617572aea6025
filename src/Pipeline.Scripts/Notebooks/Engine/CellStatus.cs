namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>How a cell's execution ended.</summary>
public enum CellStatus
{
    /// <summary>The cell ran to the end.</summary>
    Completed,

    /// <summary>The cell did not compile, was rejected, or threw; an <see cref="ErrorOutput"/> says why.</summary>
    Failed,
}

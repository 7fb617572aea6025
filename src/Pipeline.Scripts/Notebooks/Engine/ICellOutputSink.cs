namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Receives one cell's outputs as they happen. Called from whatever thread the cell's code runs on,
/// possibly after <see cref="NotebookEngine.ExecuteAsync"/> returned (work the cell left running in
/// the background keeps reporting to its own cell's sink), so implementations must be thread-safe.
/// </summary>
public interface ICellOutputSink
{
    /// <summary>Publishes one output, in the order the cell produced it.</summary>
    void Publish(CellOutput output);
}

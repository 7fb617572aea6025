namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>The running cell was interrupted at a loop; the notebook's state is kept.</summary>
public sealed class CellInterruptedException : OperationCanceledException
{
    public CellInterruptedException()
        : base("the cell was interrupted; the notebook's variables and definitions are kept") { }

    public CellInterruptedException(string message) : base(message) { }

    public CellInterruptedException(string message, Exception inner) : base(message, inner) { }
}

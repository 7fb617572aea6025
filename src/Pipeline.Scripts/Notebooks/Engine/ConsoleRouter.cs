namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Routes <c>Console.Out</c> and <c>Console.Error</c> to the running cell. <see cref="Install"/>
/// replaces both writers once per process; which cell receives a write is decided per call by an
/// AsyncLocal set around each cell's execution, so it flows into tasks and threads the cell starts,
/// and a cell that never returns cannot leave the console redirected for the others (the pitfall
/// of a global <c>Console.SetOut</c> per cell).
/// </summary>
public static class ConsoleRouter
{
    private static readonly AsyncLocal<CellOutputContext?> Context = new();
    private static readonly Lock Gate = new();
    private static bool _installed;

    /// <summary>The context of the cell whose code is running on this logical flow, if any.</summary>
    public static CellOutputContext? Current => Context.Value;

    /// <summary>Replaces the console writers with routing ones; later calls do nothing.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (_installed)
            {
                return;
            }
            var stdout = Console.Out;
            var stderr = Console.Error;
            Console.SetOut(new RoutingTextWriter(StreamOutput.StdOut, stdout));
            Console.SetError(new RoutingTextWriter(StreamOutput.StdErr, stderr));
            _installed = true;
        }
    }

    /// <summary>Makes <paramref name="context"/> current for this logical flow until the scope is disposed.</summary>
    public static IDisposable Enter(CellOutputContext context)
    {
        var previous = Context.Value;
        Context.Value = context;
        return new Scope(previous);
    }

    private sealed class Scope(CellOutputContext? previous) : IDisposable
    {
        public void Dispose() => Context.Value = previous;
    }
}

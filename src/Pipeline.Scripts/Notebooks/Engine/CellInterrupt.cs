using System.Diagnostics.CodeAnalysis;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Cooperative interrupt of the running cell. The engine puts a call to <see cref="Check"/> at the top of every loop
/// body of a cell's code (<see cref="InterruptCheckRewriter"/>), so an interrupt stops a runaway loop with
/// <see cref="CellInterruptedException"/> and the notebook's state — every variable and definition — is kept. Code
/// blocked outside the cell's loops (a long <c>Thread.Sleep</c>, a library call) does not see it; the kernel then
/// stops the worker process after a grace period.
/// </summary>
public static class CellInterrupt
{
    private static volatile bool s_requested;

    /// <summary>True once an interrupt was requested for the running cell.</summary>
    public static bool Requested => s_requested;

    /// <summary>Throws <see cref="CellInterruptedException"/> when the running cell was interrupted. Cheap: one volatile read.</summary>
    public static void Check()
    {
        if (s_requested)
        {
            Throw();
        }
    }

    /// <summary>Asks the running cell to stop at its next check (any thread).</summary>
    internal static void Request() => s_requested = true;

    /// <summary>
    /// Clears a request. The worker calls it as it receives each cell, in order with the interrupts on the same input,
    /// so an interrupt meant for a cell is never lost to that cell's start, and never hits the cell after it.
    /// </summary>
    internal static void Reset() => s_requested = false;

    [DoesNotReturn]
    private static void Throw() => throw new CellInterruptedException();
}

namespace TickKernelExtensions.Processing.Spark;

/// <summary>How a Livy batch ended.</summary>
/// <param name="BatchId">Livy's batch id.</param>
/// <param name="State">The final state: <c>success</c>, <c>dead</c>, <c>killed</c> or <c>error</c>.</param>
/// <param name="Log">The last log lines when the batch did not succeed (driver stdout/stderr as Livy keeps them); empty on success.</param>
public sealed record LivyBatchResult(int BatchId, string State, IReadOnlyList<string> Log)
{
    /// <summary>True when the batch ended in <c>success</c>.</summary>
    public bool Succeeded => State == "success";
}

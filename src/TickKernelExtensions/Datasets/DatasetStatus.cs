namespace TickKernelExtensions.Datasets;

/// <summary>The status of the tracked outputs looked at.</summary>
/// <param name="Outputs">One entry per output, in the order of their <c>.dvc</c> files.</param>
public sealed record DatasetStatus(IReadOnlyList<OutputStatus> Outputs)
{
    /// <summary>True when every workspace copy is the recorded version and every object is cached.</summary>
    public bool IsClean => Outputs.All(o => o.State == OutputState.Unchanged && o.ObjectsMissingFromCache == 0);
}

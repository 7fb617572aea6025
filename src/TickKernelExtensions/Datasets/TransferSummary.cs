namespace TickKernelExtensions.Datasets;

/// <summary>What a push or a fetch moved between the cache and a remote.</summary>
/// <param name="Remote">The remote's URL.</param>
/// <param name="Objects">Objects the tracked outputs need (files and directory manifests).</param>
/// <param name="Transferred">Objects sent (push) or fetched (pull), each verified by MD5.</param>
/// <param name="AlreadyThere">Objects already at the destination, left alone.</param>
/// <param name="Bytes">Bytes transferred.</param>
public sealed record TransferSummary(string Remote, int Objects, int Transferred, int AlreadyThere, long Bytes)
{
    /// <summary>The workspace changes of a pull's checkout (null for push and fetch).</summary>
    public CheckoutSummary? Checkout { get; init; }
}

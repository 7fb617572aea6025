namespace TickKernelExtensions.Display;

/// <summary>
/// How much of a large result a view shows. A notebook output must stay small (it is saved in the .ipynb),
/// so tables show a head and a tail, and detail lists stop with a note saying how many were left out.
/// </summary>
internal static class DisplayLimits
{
    /// <summary>First rows of a tick frame or data frame (5).</summary>
    public const int HeadRows = 5;

    /// <summary>Last rows of a tick frame or data frame (5).</summary>
    public const int TailRows = 5;

    /// <summary>Rows of a detail list: gap ranges, failed buckets, failed days, files (20).</summary>
    public const int DetailRows = 20;
}

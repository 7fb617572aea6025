namespace TickKernelExtensions.Display;

/// <summary>How a value of a result view is shown. Flags combine: a red, right-aligned count is <c>Number | Bad</c>.</summary>
[Flags]
internal enum CellStyle
{
    /// <summary>Plain text, left-aligned.</summary>
    None = 0,

    /// <summary>Right-aligned, so that digits line up.</summary>
    Number = 1,

    /// <summary>Red and bold: something is missing or failed.</summary>
    Bad = 2,

    /// <summary>Amber: worth a look, not a failure (suspect gaps, crossed quotes kept).</summary>
    Warn = 4,

    /// <summary>Green: a success verdict.</summary>
    Good = 8,

    /// <summary>Grey: zeros and notes that only complete the picture.</summary>
    Muted = 16,

    /// <summary>Bold.</summary>
    Strong = 32,
}

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>The verdict of checking one downloaded body.</summary>
public enum PayloadState
{
    /// <summary>It decodes and its records are valid.</summary>
    Good,
    /// <summary>Zero bytes, or a well-formed bucket with zero records: ambiguous, judged by the calendar.</summary>
    Empty,
    /// <summary>It must not be stored: not LZMA, truncated, HTML, corrupt or implausible.</summary>
    Bad,
}

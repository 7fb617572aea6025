namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>What conversion did with one symbol-day.</summary>
public enum DayState
{
    /// <summary>The day's Parquet file was (re)written.</summary>
    Converted,
    /// <summary>The Parquet file is newer than every raw file of the day: left alone.</summary>
    UpToDate,
    /// <summary>No raw file with ticks for that day (weekend, or not downloaded).</summary>
    NoData,
    /// <summary>A raw file could not be decoded or validated: the previous Parquet file (if any) is untouched.</summary>
    Failed,
}

namespace TickKernelExtensions.Columnar;

/// <summary>What a <see cref="TickDatasetWriter.CommitAsync"/> made visible, ordered by symbol then date.</summary>
/// <param name="SourceId">The source whose files were written (their file name is <c>&lt;SourceId&gt;.parquet</c>).</param>
/// <param name="Files">One file per partition the source touched.</param>
public sealed record TickDatasetCommit(string SourceId, IReadOnlyList<TickPartitionFile> Files)
{
    /// <summary>Ticks in all files.</summary>
    public long Rows => Files.Sum(f => f.Rows);

    /// <summary>Bytes of all files.</summary>
    public long Bytes => Files.Sum(f => f.Bytes);
}

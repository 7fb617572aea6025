namespace TickKernelExtensions.Lakehouse.Sql;

/// <summary>How <see cref="QueryResultWriter"/> renders a result.</summary>
public enum QueryOutputFormat
{
    /// <summary>Aligned columns under a header, numbers right-aligned, NULL for nulls, then a row count (for people).</summary>
    Table,

    /// <summary>RFC 4180 CSV with a header row; null is an empty field.</summary>
    Csv,

    /// <summary>A JSON array of one object per row (one per line), column names as keys, null as null.</summary>
    Json,
}

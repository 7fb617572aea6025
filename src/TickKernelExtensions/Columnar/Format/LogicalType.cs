namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// The Parquet <c>LogicalType</c> union members this writer needs: STRING (field 1, an empty struct)
/// and TIMESTAMP (field 8: <c>{1: bool isAdjustedToUTC, 2: TimeUnit unit}</c>, where TimeUnit is a
/// union whose field 2 is the empty MicroSeconds struct).
/// </summary>
internal sealed record LogicalType
{
    private LogicalType(bool isString) => IsString = isString;

    public static LogicalType String { get; } = new(isString: true);

    /// <summary>TIMESTAMP(isAdjustedToUTC = true, unit = MICROS): Iceberg's <c>timestamptz</c>.</summary>
    public static LogicalType TimestampMicrosUtc { get; } = new(isString: false);

    public bool IsString { get; }

    public void Write(ThriftCompactWriter w)
    {
        if (IsString)
        {
            w.FieldEmptyStruct(1);
            return;
        }
        w.FieldStruct(8);
        w.FieldBool(1, true);
        w.FieldStruct(2);
        w.FieldEmptyStruct(2);
        w.EndStruct();
        w.EndStruct();
    }
}

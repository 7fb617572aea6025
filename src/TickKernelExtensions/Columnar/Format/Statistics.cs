namespace TickKernelExtensions.Columnar.Format;

/// <summary>
/// Parquet <c>Statistics</c> of a page or column chunk. Values are PLAIN encoded (strings without their
/// length prefix). <see cref="Min"/>/<see cref="Max"/> are the deprecated fields, which old readers
/// take as signed-order bounds; they are only set where that order is the column's own (signed ints,
/// floats, and a single-valued string).
/// </summary>
internal sealed record Statistics
{
    public byte[]? Max { get; init; }
    public byte[]? Min { get; init; }
    public long? NullCount { get; init; }
    public byte[]? MaxValue { get; init; }
    public byte[]? MinValue { get; init; }
    public bool? IsMaxValueExact { get; init; }
    public bool? IsMinValueExact { get; init; }
    public long? NanCount { get; init; }

    public void Write(ThriftCompactWriter w)
    {
        if (Max is not null) { w.FieldBinary(1, Max); }
        if (Min is not null) { w.FieldBinary(2, Min); }
        if (NullCount is { } nulls) { w.FieldI64(3, nulls); }
        if (MaxValue is not null) { w.FieldBinary(5, MaxValue); }
        if (MinValue is not null) { w.FieldBinary(6, MinValue); }
        if (IsMaxValueExact is { } maxExact) { w.FieldBool(7, maxExact); }
        if (IsMinValueExact is { } minExact) { w.FieldBool(8, minExact); }
        if (NanCount is { } nans) { w.FieldI64(9, nans); }
    }
}

namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>SchemaElement</c>: the root group (type unset, children set) or a leaf column.</summary>
internal sealed record SchemaElement(string Name)
{
    public PhysicalType? Type { get; init; }
    public Repetition? RepetitionType { get; init; }
    public int? NumChildren { get; init; }
    public ConvertedType? ConvertedType { get; init; }
    public int? FieldId { get; init; }
    public LogicalType? LogicalType { get; init; }

    public void Write(ThriftCompactWriter w)
    {
        if (Type is { } type) { w.FieldI32(1, (int)type); }
        if (RepetitionType is { } repetition) { w.FieldI32(3, (int)repetition); }
        w.FieldString(4, Name);
        if (NumChildren is { } children) { w.FieldI32(5, children); }
        if (ConvertedType is { } converted) { w.FieldI32(6, (int)converted); }
        if (FieldId is { } id) { w.FieldI32(9, id); }
        if (LogicalType is not null)
        {
            w.FieldStruct(10);
            LogicalType.Write(w);
            w.EndStruct();
        }
    }
}

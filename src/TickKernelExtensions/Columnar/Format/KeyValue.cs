namespace TickKernelExtensions.Columnar.Format;

/// <summary>Parquet <c>KeyValue</c>: one entry of the footer's key-value metadata.</summary>
internal sealed record KeyValue(string Key, string Value)
{
    public void Write(ThriftCompactWriter w)
    {
        w.FieldString(1, Key);
        w.FieldString(2, Value);
    }
}

using Microsoft.Data.Analysis;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// The rows of a scan: <see cref="Columns"/> (names and types of the scanned schema, in projection order) and
/// <see cref="Rows"/>, each an array aligned with the columns holding values in <see cref="IcebergValues"/>
/// representation (decimal, DateOnly, UTC DateTime, …; null for nulls and for columns a file predates).
/// Rows come in manifest order, then file order.
/// </summary>
public sealed record IcebergScanResult(
    IcebergScanPlan Plan,
    IReadOnlyList<IcebergField> Columns,
    IReadOnlyList<object?[]> Rows,
    long RowsDeleted)
{
    /// <summary>The index of a column by name, or an <see cref="IcebergErrorKind.ColumnNotFound"/> error.</summary>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }
        throw new IcebergException(IcebergErrorKind.ColumnNotFound, "No such column in the scan result.")
        {
            Field = name,
            Expected = "one of " + string.Join(", ", Columns.Select(c => c.Name)),
        };
    }

    /// <summary>The values of one column.</summary>
    public IEnumerable<object?> Column(string name)
    {
        var i = ColumnIndex(name);
        return Rows.Select(r => r[i]);
    }

    /// <summary>
    /// The rows as a DataFrame: typed columns for boolean, int, long, float, double, decimal, date and timestamps
    /// (dates as midnight UTC DateTime), strings as string columns, anything else as its string form.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<DataFrameColumn>(Columns.Count);
        for (var c = 0; c < Columns.Count; c++)
        {
            var index = c;
            var name = Columns[c].Name;
            var values = Rows.Select(r => r[index]);
            columns.Add(Columns[c].Type.Id switch
            {
                IcebergTypeId.Boolean => new BooleanDataFrameColumn(name, values.Select(v => (bool?)v)),
                IcebergTypeId.Int => new Int32DataFrameColumn(name, values.Select(v => (int?)v)),
                IcebergTypeId.Long => new Int64DataFrameColumn(name, values.Select(v => (long?)v)),
                IcebergTypeId.Float => new SingleDataFrameColumn(name, values.Select(v => (float?)v)),
                IcebergTypeId.Double => new DoubleDataFrameColumn(name, values.Select(v => (double?)v)),
                IcebergTypeId.Decimal => new DecimalDataFrameColumn(name, values.Select(v => (decimal?)v)),
                IcebergTypeId.Date => new PrimitiveDataFrameColumn<DateTime>(name,
                    values.Select(v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : (DateTime?)null)),
                IcebergTypeId.Timestamp or IcebergTypeId.TimestampTz => new PrimitiveDataFrameColumn<DateTime>(name, values.Select(v => (DateTime?)v)),
                IcebergTypeId.String => new StringDataFrameColumn(name, values.Select(v => (string?)v)),
                _ => new StringDataFrameColumn(name, values.Select(v => v is byte[] b ? Convert.ToHexString(b) : v?.ToString())),
            });
        }
        return new DataFrame(columns);
    }
}

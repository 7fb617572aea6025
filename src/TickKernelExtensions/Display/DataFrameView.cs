using Microsoft.Data.Analysis;

namespace TickKernelExtensions.Display;

/// <summary>The view of a data frame or column: row count, column names and types, the first and last rows.</summary>
internal static class DataFrameView
{
    public static ResultView Build(DataFrame frame)
    {
        var rows = frame.Rows.Count;
        var columns = frame.Columns.Count;
        var view = new ResultView("DataFrame", $"{DisplayText.Count(rows)} rows", $"{DisplayText.Count(columns)} columns");
        var table = view.Table(["#", .. frame.Columns.Select(c => c.Name)]);
        table.Subheaders = ["", .. frame.Columns.Select(c => TypeName(c.DataType))];
        AddRows(table, rows, r => frame.Columns.Select(c => Cell(c[r])));
        return view;
    }

    public static ResultView Build(DataFrameColumn column)
    {
        var view = new ResultView($"Column {column.Name}", TypeName(column.DataType),
            $"{DisplayText.Count(column.Length)} rows", ViewCell.WarningFact(column.NullCount, "null"));
        var table = view.Table("#", column.Name);
        AddRows(table, column.Length, r => [Cell(column[r])]);
        return view;
    }

    private static void AddRows(ViewTable table, long rows, Func<long, IEnumerable<ViewCell>> cells)
    {
        var head = Math.Min(rows, DisplayLimits.HeadRows);
        var tailStart = Math.Max(head, rows - DisplayLimits.TailRows);
        for (long r = 0; r < head; r++)
        {
            table.Row([ViewCell.Number(DisplayText.Count(r)), .. cells(r)]);
        }
        if (tailStart > head)
        {
            table.Gap($"⋯ {DisplayText.Count(tailStart - head)} more");
        }
        for (var r = tailStart; r < rows; r++)
        {
            table.Row([ViewCell.Number(DisplayText.Count(r)), .. cells(r)]);
        }
    }

    private static ViewCell Cell(object? value) => value switch
    {
        null => new ViewCell("null", CellStyle.Muted),
        string s => s,
        bool b => b ? "true" : "false",
        DateTime or DateTimeOffset or char => DisplayText.Value(value),
        IFormattable => ViewCell.Number(DisplayText.Value(value)),
        _ => DisplayText.Value(value),
    };

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(double) => "double",
        _ when type == typeof(float) => "float",
        _ when type == typeof(long) => "long",
        _ when type == typeof(int) => "int",
        _ when type == typeof(short) => "short",
        _ when type == typeof(byte) => "byte",
        _ when type == typeof(bool) => "bool",
        _ when type == typeof(string) => "string",
        _ when type == typeof(decimal) => "decimal",
        _ => type.Name,
    };
}

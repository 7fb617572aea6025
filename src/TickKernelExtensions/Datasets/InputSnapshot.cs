namespace TickKernelExtensions.Datasets;

/// <summary>
/// One input of a dataset at the exact version it was read: a table and its snapshot, written
/// <c>bronze.ticks@5928164749202844321</c> (an Iceberg snapshot id; any version string without '@' works).
/// </summary>
/// <param name="Table">The table, e.g. <c>bronze.ticks</c>.</param>
/// <param name="Snapshot">The snapshot (version) of the table that was read.</param>
public sealed record InputSnapshot(string Table, string Snapshot)
{
    /// <summary>Parses <c>table@snapshot</c>; throws <see cref="DatasetException"/> naming the text otherwise.</summary>
    public static InputSnapshot Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            throw new DatasetException(DatasetErrorKind.InvalidArgument, "Not an input snapshot.")
            {
                Field = "input", Expected = "table@snapshot, e.g. bronze.ticks@5928164749202844321", Actual = $"'{text}'",
            };
        }
        return new InputSnapshot(text[..at], text[(at + 1)..]);
    }

    /// <summary><c>table@snapshot</c>.</summary>
    public override string ToString() => $"{Table}@{Snapshot}";
}

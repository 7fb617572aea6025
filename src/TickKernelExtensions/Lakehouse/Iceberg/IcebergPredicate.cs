using System.Globalization;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// <c>column op value</c> on a top-level column (by its name in the scanned schema). A scan's predicates are
/// AND-ed. Null never matches (SQL semantics). <see cref="Value"/> is any CLR value convertible to the column's
/// type (see <see cref="IcebergValues"/>).
/// </summary>
public sealed record IcebergPredicate(string Column, IcebergComparison Op, object Value)
{
    public static IcebergPredicate Equal(string column, object value) => new(column, IcebergComparison.Equal, value);
    public static IcebergPredicate LessThan(string column, object value) => new(column, IcebergComparison.LessThan, value);
    public static IcebergPredicate LessThanOrEqual(string column, object value) => new(column, IcebergComparison.LessThanOrEqual, value);
    public static IcebergPredicate GreaterThan(string column, object value) => new(column, IcebergComparison.GreaterThan, value);
    public static IcebergPredicate GreaterThanOrEqual(string column, object value) => new(column, IcebergComparison.GreaterThanOrEqual, value);

    /// <summary>Whether a value satisfies the predicate (<paramref name="value"/> null → false).</summary>
    public bool Matches(IcebergPrimitiveType type, object? value)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (value is null)
        {
            return false;
        }
        var c = IcebergValues.Compare(type, value, Value);
        return Op switch
        {
            IcebergComparison.Equal => c == 0,
            IcebergComparison.LessThan => c < 0,
            IcebergComparison.LessThanOrEqual => c <= 0,
            IcebergComparison.GreaterThan => c > 0,
            _ => c >= 0,
        };
    }

    /// <summary>Whether some value in <c>[lower, upper]</c> (either bound may be unknown) could satisfy the predicate.</summary>
    public bool MayMatchRange(IcebergPrimitiveType type, object? lower, object? upper, object literal)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Op switch
        {
            IcebergComparison.Equal => (lower is null || IcebergValues.Compare(type, lower, literal) <= 0)
                && (upper is null || IcebergValues.Compare(type, upper, literal) >= 0),
            IcebergComparison.LessThan => lower is null || IcebergValues.Compare(type, lower, literal) < 0,
            IcebergComparison.LessThanOrEqual => lower is null || IcebergValues.Compare(type, lower, literal) <= 0,
            IcebergComparison.GreaterThan => upper is null || IcebergValues.Compare(type, upper, literal) > 0,
            _ => upper is null || IcebergValues.Compare(type, upper, literal) >= 0,
        };
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var op = Op switch
        {
            IcebergComparison.Equal => "=",
            IcebergComparison.LessThan => "<",
            IcebergComparison.LessThanOrEqual => "<=",
            IcebergComparison.GreaterThan => ">",
            _ => ">=",
        };
        var value = Value switch
        {
            DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture) + (t.Kind == DateTimeKind.Utc ? " UTC" : ""),
            DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            string text => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => Value.ToString(),
        };
        return $"{Column} {op} {value}";
    }
}

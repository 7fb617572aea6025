using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A primitive Iceberg type. <see cref="Precision"/> and <see cref="Scale"/> apply to <c>decimal(P, S)</c>,
/// <see cref="Length"/> to <c>fixed[L]</c>; they are 0 otherwise.
/// </summary>
public sealed partial record IcebergPrimitiveType(IcebergTypeId TypeId, int Precision = 0, int Scale = 0, int Length = 0)
    : IcebergType(TypeId)
{
    public static IcebergPrimitiveType Boolean { get; } = new(IcebergTypeId.Boolean);
    public static IcebergPrimitiveType Int { get; } = new(IcebergTypeId.Int);
    public static IcebergPrimitiveType Long { get; } = new(IcebergTypeId.Long);
    public static IcebergPrimitiveType Float { get; } = new(IcebergTypeId.Float);
    public static IcebergPrimitiveType Double { get; } = new(IcebergTypeId.Double);
    public static IcebergPrimitiveType Date { get; } = new(IcebergTypeId.Date);
    public static IcebergPrimitiveType Time { get; } = new(IcebergTypeId.Time);
    public static IcebergPrimitiveType Timestamp { get; } = new(IcebergTypeId.Timestamp);
    public static IcebergPrimitiveType TimestampTz { get; } = new(IcebergTypeId.TimestampTz);
    public static IcebergPrimitiveType String { get; } = new(IcebergTypeId.String);
    public static IcebergPrimitiveType Uuid { get; } = new(IcebergTypeId.Uuid);
    public static IcebergPrimitiveType Binary { get; } = new(IcebergTypeId.Binary);

    /// <summary><c>decimal(P, S)</c>.</summary>
    public static IcebergPrimitiveType Decimal(int precision, int scale) => new(IcebergTypeId.Decimal, precision, scale);

    /// <summary><c>fixed[L]</c>.</summary>
    public static IcebergPrimitiveType Fixed(int length) => new(IcebergTypeId.Fixed, Length: length);

    /// <summary>The spec's type string, e.g. <c>timestamptz</c>, <c>decimal(10, 2)</c>, <c>fixed[16]</c>.</summary>
    public override string ToString() => TypeId switch
    {
        IcebergTypeId.Decimal => Invariant($"decimal({Precision}, {Scale})"),
        IcebergTypeId.Fixed => Invariant($"fixed[{Length}]"),
        IcebergTypeId.TimestampTz => "timestamptz",
        _ => TypeId.ToString().ToLowerInvariant(),
    };

    /// <inheritdoc />
    public override JsonNode ToJson() => JsonValue.Create(ToString());

    /// <summary>Parses a primitive type string; <paramref name="field"/> names it in errors.</summary>
    public static IcebergPrimitiveType Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case "boolean": return Boolean;
            case "int": return Int;
            case "long": return Long;
            case "float": return Float;
            case "double": return Double;
            case "date": return Date;
            case "time": return Time;
            case "timestamp": return Timestamp;
            case "timestamptz": return TimestampTz;
            case "string": return String;
            case "uuid": return Uuid;
            case "binary": return Binary;
        }
        var dec = DecimalPattern().Match(text);
        if (dec.Success)
        {
            return Decimal(int.Parse(dec.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(dec.Groups[2].Value, CultureInfo.InvariantCulture));
        }
        var fix = FixedPattern().Match(text);
        if (fix.Success)
        {
            return Fixed(int.Parse(fix.Groups[1].Value, CultureInfo.InvariantCulture));
        }
        throw new IcebergException(IcebergErrorKind.Unsupported, "Unknown or unsupported primitive type.")
        {
            Field = field,
            Expected = "a v1/v2 primitive (boolean, int, long, float, double, decimal(P,S), date, time, timestamp, timestamptz, string, uuid, fixed[L], binary)",
            Actual = text,
        };
    }

    [GeneratedRegex(@"^decimal\(\s*(\d+)\s*,\s*(\d+)\s*\)$")]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^fixed\[\s*(\d+)\s*\]$")]
    private static partial Regex FixedPattern();
}

using System.Globalization;
using System.Text;

namespace TickKernelExtensions.Lakehouse.Iceberg;

/// <summary>
/// A partition transform: <c>identity</c>, <c>bucket[N]</c>, <c>truncate[W]</c>, <c>year</c>, <c>month</c>,
/// <c>day</c>, <c>hour</c> or <c>void</c>. <see cref="Parameter"/> is N or W, 0 otherwise.
/// </summary>
public sealed record IcebergTransform(IcebergTransformKind Kind, int Parameter = 0)
{
    public static IcebergTransform Identity { get; } = new(IcebergTransformKind.Identity);
    public static IcebergTransform Day { get; } = new(IcebergTransformKind.Day);

    /// <summary>The spec's transform string.</summary>
    public override string ToString() => Kind switch
    {
        IcebergTransformKind.Bucket => string.Create(CultureInfo.InvariantCulture, $"bucket[{Parameter}]"),
        IcebergTransformKind.Truncate => string.Create(CultureInfo.InvariantCulture, $"truncate[{Parameter}]"),
        _ => Kind.ToString().ToLowerInvariant(),
    };

    /// <summary>Parses a transform string.</summary>
    public static IcebergTransform Parse(string text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        static int Arg(string t, string prefix, string field) =>
            int.TryParse(t.AsSpan(prefix.Length, t.Length - prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new IcebergException(IcebergErrorKind.InvalidMetadata, "A transform parameter must be a positive integer.") { Field = field, Actual = t };
        return text switch
        {
            "identity" => Identity,
            "year" => new(IcebergTransformKind.Year),
            "month" => new(IcebergTransformKind.Month),
            "day" => Day,
            "hour" => new(IcebergTransformKind.Hour),
            "void" => new(IcebergTransformKind.Void),
            _ when text.StartsWith("bucket[", StringComparison.Ordinal) && text.EndsWith(']') => new(IcebergTransformKind.Bucket, Arg(text, "bucket[", field)),
            _ when text.StartsWith("truncate[", StringComparison.Ordinal) && text.EndsWith(']') => new(IcebergTransformKind.Truncate, Arg(text, "truncate[", field)),
            _ => throw new IcebergException(IcebergErrorKind.Unsupported, "Unknown partition transform.")
            {
                Field = field,
                Expected = "identity, bucket[N], truncate[W], year, month, day, hour or void",
                Actual = text,
            },
        };
    }

    /// <summary>The type of the partition value for a source column of <paramref name="source"/>.</summary>
    public IcebergPrimitiveType ResultType(IcebergPrimitiveType source) => Kind switch
    {
        IcebergTransformKind.Bucket or IcebergTransformKind.Year or IcebergTransformKind.Month or IcebergTransformKind.Hour => IcebergPrimitiveType.Int,
        IcebergTransformKind.Day => IcebergPrimitiveType.Date,
        _ => source,
    };

    /// <summary>True when the transform preserves order (so a range on the source maps to a range on the result).</summary>
    public bool PreservesOrder => Kind is not (IcebergTransformKind.Bucket or IcebergTransformKind.Void);

    /// <summary>Applies the transform to a source value (null stays null; <c>void</c> always gives null).</summary>
    public object? Apply(IcebergPrimitiveType source, object? value)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (value is null || Kind == IcebergTransformKind.Void)
        {
            return null;
        }
        value = IcebergValues.Normalize(source, value);
        switch (Kind)
        {
            case IcebergTransformKind.Identity:
                return value;
            case IcebergTransformKind.Bucket:
                return IcebergBucketHash.Bucket(source, value, Parameter);
            case IcebergTransformKind.Truncate:
                return Truncate(source, value);
            case IcebergTransformKind.Day:
                return source.TypeId == IcebergTypeId.Date ? value : DateOnly.FromDateTime(ToUtc(source, value));
            case IcebergTransformKind.Year:
                return ToUtc(source, value).Year - 1970;
            case IcebergTransformKind.Month:
                {
                    var t = ToUtc(source, value);
                    return ((t.Year - 1970) * 12) + t.Month - 1;
                }
            case IcebergTransformKind.Hour:
                return checked((int)Math.Floor((ToUtc(source, value) - DateTime.UnixEpoch).TotalHours));
            default:
                throw new IcebergException(IcebergErrorKind.Unsupported, "Unknown transform.") { Actual = ToString() };
        }
    }

    private object Truncate(IcebergPrimitiveType source, object value)
    {
        var w = Parameter;
        switch (value)
        {
            case int i:
                return i - (((i % w) + w) % w);
            case long l:
                return l - (((l % w) + w) % w);
            case decimal d:
                {
                    var unscaled = IcebergValues.UnscaledDecimal(d, source.Scale);
                    var r = ((unscaled % w) + w) % w;
                    return IcebergValues.ScaleDecimal(unscaled - r, source.Scale);
                }
            case string s:
                {
                    var b = new StringBuilder();
                    var n = 0;
                    foreach (var rune in s.EnumerateRunes())
                    {
                        if (n++ == w)
                        {
                            break;
                        }
                        b.Append(rune.ToString());
                    }
                    return b.ToString();
                }
            case byte[] bytes:
                return bytes.Length <= w ? bytes : bytes[..w];
            default:
                throw new IcebergException(IcebergErrorKind.Unsupported, "truncate does not apply to this type.") { Actual = source.ToString() };
        }
    }

    private DateTime ToUtc(IcebergPrimitiveType source, object value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        DateTime dt => dt,
        _ => throw new IcebergException(IcebergErrorKind.Unsupported, "A time transform applies to date and timestamp columns only.")
        {
            Expected = "date, timestamp or timestamptz",
            Actual = source + " (" + ToString() + ")",
        },
    };
}

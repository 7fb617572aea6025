namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>A parameter's type: one of <see cref="ParameterKind"/>, or a one-dimensional array of one.</summary>
/// <param name="Kind">The (element) type.</param>
/// <param name="IsArray">True for <c>T[]</c>.</param>
public sealed record ParameterType(ParameterKind Kind, bool IsArray = false)
{
    /// <summary>The element type of an array type, or the type itself.</summary>
    public ParameterType Element => IsArray ? this with { IsArray = false } : this;

    /// <summary>How the injected cell declares the type: <c>int</c>, <c>System.DateTime</c>, <c>string[]</c>, ….</summary>
    public string CSharpName => ElementName(qualified: true) + (IsArray ? "[]" : "");

    /// <summary>How messages and <c>--help-notebook</c> name the type: <c>int</c>, <c>DateTime</c>, <c>string[]</c>, ….</summary>
    public override string ToString() => ElementName(qualified: false) + (IsArray ? "[]" : "");

    private string ElementName(bool qualified) => Kind switch
    {
        ParameterKind.Int => "int",
        ParameterKind.Long => "long",
        ParameterKind.Double => "double",
        ParameterKind.Float => "float",
        ParameterKind.Decimal => "decimal",
        ParameterKind.Bool => "bool",
        ParameterKind.String => "string",
        ParameterKind.Char => "char",
        ParameterKind.DateTime => qualified ? "System.DateTime" : "DateTime",
        ParameterKind.DateOnly => qualified ? "System.DateOnly" : "DateOnly",
        ParameterKind.TimeSpan => qualified ? "System.TimeSpan" : "TimeSpan",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}

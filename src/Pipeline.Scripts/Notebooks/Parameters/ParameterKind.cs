namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>The C# types a notebook parameter can have and be set from the command line or YAML.</summary>
public enum ParameterKind
{
    /// <summary><c>int</c>.</summary>
    Int,

    /// <summary><c>long</c>.</summary>
    Long,

    /// <summary><c>double</c>.</summary>
    Double,

    /// <summary><c>float</c>.</summary>
    Float,

    /// <summary><c>decimal</c>.</summary>
    Decimal,

    /// <summary><c>bool</c>.</summary>
    Bool,

    /// <summary><c>string</c>.</summary>
    String,

    /// <summary><c>char</c>.</summary>
    Char,

    /// <summary><c>System.DateTime</c>.</summary>
    DateTime,

    /// <summary><c>System.DateOnly</c>.</summary>
    DateOnly,

    /// <summary><c>System.TimeSpan</c>.</summary>
    TimeSpan,
}

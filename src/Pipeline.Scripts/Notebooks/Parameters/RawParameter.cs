namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>A parameter value as given, before it is converted to the declared type.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Text">A scalar's text (from <c>-p</c>, or a YAML scalar); null for a sequence or YAML null.</param>
/// <param name="Items">A YAML sequence's scalars (null items are YAML nulls); null for a scalar.</param>
/// <param name="Origin">Where it came from, for messages: <c>-p</c>, <c>-y</c>, <c>-f params.yaml</c>.</param>
public sealed record RawParameter(string Name, string? Text, IReadOnlyList<string?>? Items, string Origin)
{
    /// <summary>True for YAML's null (<c>~</c>, <c>null</c>, or nothing).</summary>
    public bool IsNull => Text is null && Items is null;

    /// <summary>The value as the user wrote it, for messages.</summary>
    public string Describe() => Items is { } items
        ? "[" + string.Join(", ", items.Select(i => i is null ? "null" : $"\"{i}\"")) + "]"
        : Text is null ? "null" : $"\"{Text}\"";
}

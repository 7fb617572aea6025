using System.Text.Json.Nodes;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>A parameter value converted to its declared type.</summary>
/// <param name="Parameter">The parameter it sets.</param>
/// <param name="Expression">The C# expression of the value: a literal, or a parse call for dates and times.</param>
/// <param name="Recorded">The value as JSON, for <c>metadata.papermill.parameters</c>.</param>
public sealed record ParameterValue(NotebookParameter Parameter, string Expression, JsonNode? Recorded)
{
    /// <summary>The injected declaration: <c>int days = 30;</c>.</summary>
    public string Declaration => $"{Parameter.Type!.CSharpName} {Parameter.Identifier} = {Expression};";
}

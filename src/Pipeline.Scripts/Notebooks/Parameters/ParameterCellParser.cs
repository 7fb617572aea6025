using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>
/// Learns a <c>parameters</c> cell's variables from its syntax, without compiling or running it:
/// top-level declarations (<c>var x = 1;</c>, <c>int a = 1, b = 2;</c>, <c>string[] s = ["a"];</c>),
/// which Roslyn parses as script fields, and local declarations inside global statements.
/// </summary>
public static class ParameterCellParser
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>The parameters declared in <paramref name="source"/>, in order; a name declared twice keeps its last declaration.</summary>
    public static IReadOnlyList<NotebookParameter> Parse(string source)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(source, ParseOptions).GetRoot();
        var found = new List<NotebookParameter>();
        foreach (var member in root.Members)
        {
            var declaration = member switch
            {
                FieldDeclarationSyntax field => field.Declaration,
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                _ => null,
            };
            if (declaration is null)
            {
                continue;
            }
            var help = TrailingComment(member);
            foreach (var variable in declaration.Variables)
            {
                var initializer = variable.Initializer?.Value;
                var type = declaration.Type.IsVar
                    ? initializer is null ? null : ParameterTypeInference.OfExpression(initializer)
                    : ParameterTypeInference.OfTypeSyntax(declaration.Type);
                var name = variable.Identifier.ValueText;
                found.RemoveAll(p => p.Name == name);
                found.Add(new NotebookParameter(name, variable.Identifier.Text, type, member.ToString().Trim(), initializer?.ToString() ?? "", help));
            }
        }
        return found;
    }

    private static string? TrailingComment(SyntaxNode member)
    {
        var comment = member.GetTrailingTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia));
        if (comment == default)
        {
            return null;
        }
        var text = comment.ToString().TrimStart('/').Trim();
        return text.Length == 0 ? null : text;
    }
}

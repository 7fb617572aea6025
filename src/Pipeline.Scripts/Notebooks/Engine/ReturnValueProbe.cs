using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Says whether a compiled cell ends in an expression whose value should be shown (an
/// <c>execute_result</c>; <c>null</c> included), as .NET Interactive's C# kernel does.
/// </summary>
/// <remarks>
/// The fast path calls Roslyn's internal <c>Script.HasReturnValue()</c> through reflection, as the
/// kernel does; <see cref="HasReturnValueFromSyntax"/> is the plain reference path (the last global
/// statement is an expression without its semicolon, and its type is not <c>void</c>), used when
/// the internal method is missing and checked against it by the tests.
/// </remarks>
public static class ReturnValueProbe
{
    private static readonly MethodInfo? HasReturnValueMethod =
        typeof(Script).GetMethod("HasReturnValue", BindingFlags.Instance | BindingFlags.NonPublic, Type.EmptyTypes);

    /// <summary>True when <paramref name="script"/> (already compiled) has a return value.</summary>
    public static bool HasReturnValue(Script script) =>
        HasReturnValueMethod is { ReturnType: var t } method && t == typeof(bool)
            ? (bool)method.Invoke(script, null)!
            : HasReturnValueFromSyntax(script);

    /// <summary>The reference path: decides from the cell's syntax tree and semantic model.</summary>
    public static bool HasReturnValueFromSyntax(Script script)
    {
        var compilation = script.GetCompilation();
        // #load-ed files are trees of the same compilation; the cell's own tree carries the cell's file path.
        var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == script.Options.FilePath) ?? compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax root
            || root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing)
        {
            return false;
        }
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is null || type.SpecialType != SpecialType.System_Void;
    }
}

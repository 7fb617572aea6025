using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Puts <c>CellInterrupt.Check();</c> at the top of every <c>while</c>, <c>do</c>, <c>for</c> and <c>foreach</c> body of
/// a cell (in lambdas and local functions too), without adding a line: line numbers in tracebacks stay the cell's own.
/// Compile errors are reported from the cell as written (<see cref="NotebookEngine"/> compiles it again when the
/// rewritten code does not compile), so their columns are never shifted by the inserted call.
/// </summary>
internal sealed class InterruptCheckRewriter : CSharpSyntaxRewriter
{
    private static readonly string[] LoopKeywords = ["while", "for", "do"];

    private static readonly StatementSyntax CheckCall = SyntaxFactory.ParseStatement(
        "global::Pipeline.Scripts.Notebooks.Engine.CellInterrupt.Check();");

    private bool _changed;

    /// <summary>The cell's code with the checks in, or the code itself when it has no loop.</summary>
    public static string Rewrite(string code, CSharpParseOptions options)
    {
        if (!LoopKeywords.Any(k => code.Contains(k, StringComparison.Ordinal)))
        {
            return code;
        }
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var rewriter = new InterruptCheckRewriter();
        var root = rewriter.Visit(tree.GetRoot());
        return rewriter._changed ? root.ToFullString() : code;
    }

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(Prepend(visited.Statement));
    }

    // The inserted tokens carry no trivia: no newline is added, so every line keeps its number.
    private StatementSyntax Prepend(StatementSyntax body)
    {
        _changed = true;
        if (body is BlockSyntax block)
        {
            return block.WithStatements(block.Statements.Insert(0, CheckCall));
        }
        var leading = body.GetLeadingTrivia();
        var trailing = body.GetTrailingTrivia();
        return SyntaxFactory.Block(
                SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithoutTrivia(),
                SyntaxFactory.List([CheckCall, body.WithoutLeadingTrivia().WithoutTrailingTrivia()]),
                SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithoutTrivia())
            .WithLeadingTrivia(leading)
            .WithTrailingTrivia(trailing);
    }
}

using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Kernel.Introspection;

/// <summary>
/// Completion, inspection and <c>is_complete</c> from Roslyn, in the kernel process. The cells run in
/// the worker; here the kernel keeps the code of every cell that completed and compiles (never runs)
/// the same chain of submissions with the engine's options, so a query sees the variables, methods
/// and <c>#r</c> references the cells declared. Thread-safe (one query at a time).
/// </summary>
internal sealed class CodeIntelligence
{
    private const int MaxMatches = 500;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private readonly ScriptOptions _options;
    private readonly Lock _gate = new();
    private Script<object>? _chain;

    public CodeIntelligence(string baseDirectory) =>
        _options = NotebookEngine.CreateScriptOptions(new NotebookEngineOptions { BaseDirectory = baseDirectory, EmitDebugInformation = false });

    /// <summary>Adds a cell that completed to the chain the queries compile against.</summary>
    public void Record(string code)
    {
        var (prepared, refused) = CellDirectives.Prepare(new CellSubmission(0, null, code));
        if (refused is not null)
        {
            return;
        }
        lock (_gate)
        {
            _chain = Extend(_chain, prepared);
        }
    }

    /// <summary>Forgets every recorded cell (the worker's state was lost).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _chain = null;
        }
    }

    /// <summary><c>complete</c>, <c>incomplete</c> (more lines expected) or <c>invalid</c>.</summary>
    public static string IsComplete(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, ParseOptions);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return "incomplete";
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? "invalid" : "complete";
    }

    /// <summary>Names that can replace the identifier before <paramref name="cursor"/> (code points), and the replaced range.</summary>
    public (IReadOnlyList<string> Matches, int Start, int End) Complete(string code, int cursor)
    {
        var position = CodePositions.ToUtf16(code, cursor);
        var (model, root) = Analyze(code);
        var token = position > 0 ? root.FindToken(position - 1) : default;
        var prefix = "";
        var start = position;
        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Span.End == position)
        {
            start = token.SpanStart;
            prefix = code[start..position];
        }
        var symbols = Lookup(model, token, position);
        var matches = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.Ordinal))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Take(MaxMatches)
            .ToList();
        return (matches, CodePositions.ToCodePoints(code, start), cursor);
    }

    /// <summary>The symbol under <paramref name="cursor"/> (code points) as text, or null when there is none.</summary>
    public string? Inspect(string code, int cursor)
    {
        var position = CodePositions.ToUtf16(code, cursor);
        var (model, root) = Analyze(code);
        foreach (var at in new[] { position, position - 1 })
        {
            if (at < 0 || at >= code.Length)
            {
                continue;
            }
            var node = root.FindToken(at).Parent;
            var symbol = node is null ? null : model.GetSymbolInfo(node).Symbol ?? model.GetSymbolInfo(node).CandidateSymbols.FirstOrDefault() ?? model.GetDeclaredSymbol(node);
            if (symbol is not null)
            {
                var type = symbol switch
                {
                    ILocalSymbol l => l.Type,
                    IFieldSymbol f => f.Type,
                    IPropertySymbol p => p.Type,
                    _ => null,
                };
                var description = $"{symbol.Kind.ToString().ToLowerInvariant()} {symbol.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)}";
                return type is null ? description : $"{description}\ntype: {type.ToDisplayString()}";
            }
        }
        return null;
    }

    private (SemanticModel Model, SyntaxNode Root) Analyze(string code)
    {
        var (prepared, _) = CellDirectives.Prepare(new CellSubmission(0, null, code));
        Script<object> script;
        lock (_gate)
        {
            script = Extend(_chain, prepared);
        }
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault(t => t.ToString() == prepared) ?? compilation.SyntaxTrees.Last();
        return (compilation.GetSemanticModel(tree), tree.GetRoot());
    }

    private Script<object> Extend(Script<object>? chain, string code) =>
        chain is null ? CSharpScript.Create(code, _options, typeof(ScriptGlobals)) : chain.ContinueWith(code, _options);

    private static IEnumerable<ISymbol> Lookup(SemanticModel model, SyntaxToken token, int position)
    {
        // After "x." or inside "x.Wri": members of x's type, or of the type/namespace x names.
        var access = token.Parent switch
        {
            MemberAccessExpressionSyntax m when token.IsKind(SyntaxKind.DotToken) => m,
            IdentifierNameSyntax { Parent: MemberAccessExpressionSyntax m } name when m.Name == name => m,
            _ => null,
        };
        if (access is null)
        {
            return model.LookupSymbols(position);
        }
        var target = model.GetSymbolInfo(access.Expression).Symbol;
        if (target is INamespaceOrTypeSymbol container)
        {
            return container is ITypeSymbol ? model.LookupStaticMembers(position, container) : model.LookupNamespacesAndTypes(position, container);
        }
        var type = model.GetTypeInfo(access.Expression).Type;
        return type is null ? [] : model.LookupSymbols(position, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }
}

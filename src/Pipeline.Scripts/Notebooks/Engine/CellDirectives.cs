using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Checks a cell's directives before Roslyn sees it. Roslyn scripting understands <c>#r "x.dll"</c>
/// and <c>#load "x.csx"</c> (which must come before any code); Polyglot adds magics (<c>#!fsharp</c>,
/// <c>#!time</c>, …), NuGet sources (<c>#i</c>) and packages (<c>#r "nuget:…"</c>) that Roslyn
/// would report with confusing errors (CS1024, CS0006) or silently ignore (a <c>#!</c> first line is
/// a shebang to it). <c>#!csharp</c> (and its aliases) only selects the kernel we are, so it is
/// blanked out; the rest are refused with a message naming the cell and the directive.
/// </summary>
/// <remarks>Directives are found in the parsed syntax tree, so a line starting with <c>#!</c> inside a multi-line string is not mistaken for one.</remarks>
public static class CellDirectives
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    private static readonly HashSet<string> CSharpKernelNames = new(StringComparer.OrdinalIgnoreCase) { "csharp", "c#", "cs" };

    /// <summary>The code to compile (the cell's code with <c>#!csharp</c> lines blanked), or the error output refusing the cell.</summary>
    public static (string Code, ErrorOutput? Error) Prepare(CellSubmission cell)
    {
        if (!cell.Code.Contains('#', StringComparison.Ordinal))
        {
            return (cell.Code, null);
        }
        var tree = CSharpSyntaxTree.ParseText(cell.Code, ParseOptions);
        var blank = new List<TextSpanToBlank>();
        foreach (var trivia in tree.GetRoot().DescendantTrivia(descendIntoTrivia: true))
        {
            if (!trivia.IsDirective)
            {
                continue;
            }
            var text = trivia.ToString().Trim();
            switch (trivia.GetStructure())
            {
                case ShebangDirectiveTriviaSyntax:
                    var kernel = text[2..].Trim();
                    if (CSharpKernelNames.Contains(kernel))
                    {
                        blank.Add(new(trivia.Span.Start, trivia.Span.Length));
                        break;
                    }
                    return (cell.Code, CellErrors.Unsupported(cell, text,
                        "the runner executes C# only; Polyglot magic commands other than #!csharp need the .NET Interactive kernel"));
                case ReferenceDirectiveTriviaSyntax reference when reference.File.ValueText.TrimStart().StartsWith("nuget:", StringComparison.OrdinalIgnoreCase):
                    return (cell.Code, CellErrors.Unsupported(cell, text,
                        "the runner does not restore NuGet packages; build a project and reference its DLL with #r \"path/to/library.dll\" (see notebooks/_setup.csx)"));
                case BadDirectiveTriviaSyntax when text.StartsWith("#i", StringComparison.Ordinal):
                    return (cell.Code, CellErrors.Unsupported(cell, text,
                        "the runner does not use NuGet sources; reference a built DLL with #r \"path/to/library.dll\" instead"));
                case BadDirectiveTriviaSyntax:
                    return (cell.Code, CellErrors.Unsupported(cell, text, "it is not a C# directive (#r, #load, #nullable, #pragma, … are)"));
            }
        }
        if (blank.Count == 0)
        {
            return (cell.Code, null);
        }
        var chars = cell.Code.ToCharArray();
        foreach (var (start, length) in blank)
        {
            // Spaces, not removal: diagnostics keep the cell's own line and column numbers.
            chars.AsSpan(start, length).Fill(' ');
        }
        return (new string(chars), null);
    }

    private readonly record struct TextSpanToBlank(int Start, int Length);
}

using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Engine;
using Pipeline.Scripts.Notebooks.Parameters;

namespace Pipeline.Scripts.Export;

/// <summary>
/// Turns a C# notebook into one file-based app (<c>dotnet run X.cs</c>, .NET 10), the replacement
/// Microsoft recommends for Polyglot notebooks: code cells in order as top-level statements;
/// <c>#load</c>ed scripts inlined; <c>#r "…/artifacts/bin/Lib/…/Lib.dll"</c> becomes
/// <c>#:project</c> of the library's project; <c>using</c> directives hoisted to the top and type
/// declarations moved to the end (as C# requires); the <c>parameters</c> cell's variables read
/// from <c>--name value</c> options with their declared types; and each cell's trailing
/// expression printed as the notebooks' <c>text/plain</c>, so key figures print.
/// </summary>
public static class CsAppExporter
{
    private static readonly CSharpParseOptions ScriptParse = new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    /// <summary>Exports <paramref name="notebookPath"/> to <paramref name="outputPath"/> (the source text is returned too).</summary>
    /// <exception cref="ExportException">A cell uses a magic command, a NuGet reference, or a DLL whose project cannot be found.</exception>
    public static string Export(string notebookPath, string outputPath)
    {
        NotebookDocument notebook;
        try
        {
            notebook = NotebookDocument.Load(notebookPath);
        }
        catch (Notebooks.NotebookException e)
        {
            // It names the file and what is wrong with it.
            throw new ExportException(e.Message);
        }
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
        var outputFolder = Path.GetDirectoryName(Path.GetFullPath(outputPath))!;
        var state = new ExportState(notebookFolder, outputFolder);
        foreach (var (cell, index) in notebook.Cells.Select((c, i) => (c, i)).Where(p => p.c.IsCode))
        {
            var name = cell.Id is null ? $"cell {index}" : $"cell {index} (id {cell.Id})";
            state.Body.AppendLine($"// ---- {name}");
            var code = state.ExpandDirectives(cell.Source, notebookFolder, name, loaded => AddCell(state, loaded));
            if (cell.HasTag("parameters"))
            {
                AddParameters(state, code, name);
            }
            else
            {
                AddCell(state, code);
            }
            state.Body.AppendLine();
        }
        var text = Compose(state, Path.GetRelativePath(outputFolder, Path.GetFullPath(notebookPath)), Path.GetFileName(outputPath));
        File.WriteAllText(outputPath, text);
        return text;
    }

    private static void AddParameters(ExportState state, string code, string name)
    {
        var parameters = ParameterCellParser.Parse(code);
        foreach (var p in parameters)
        {
            if (p.Type is null)
            {
                throw new ExportException($"{name}: the type of parameter '{p.Name}' cannot be known from '{p.Declaration}'; declare it with a type (int, double, string, DateTime, …) or a literal");
            }
            state.Body.AppendLine($"{p.Type.CSharpName} {p.Identifier} = {ExportPrelude.ClassName}.Parameter<{p.Type.CSharpName}>(args, \"{p.Name}\", {p.DefaultText});{(p.Help is null ? "" : " // " + p.Help)}");
            state.Parameters.Add((p.Name, p.Type.ToString(), p.DefaultText));
        }
    }

    private static void AddCell(ExportState state, string code)
    {
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code, ScriptParse).GetRoot();
        foreach (var directive in root.Usings)
        {
            state.Usings.Add(directive.WithoutTrivia().ToString());
        }
        var members = root.Members;
        for (var i = 0; i < members.Count; i++)
        {
            var member = members[i];
            switch (member)
            {
                case BaseTypeDeclarationSyntax or DelegateDeclarationSyntax or BaseNamespaceDeclarationSyntax:
                    state.Types.AppendLine(member.ToFullString().Trim('\n', '\r')).AppendLine();
                    break;
                case GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } expression } when i == members.Count - 1:
                    state.Body.Append(expression.GetLeadingTrivia().ToFullString());
                    state.Body.AppendLine($"{ExportPrelude.ClassName}.Show({expression.Expression.WithoutTrivia()});");
                    break;
                default:
                    state.Body.AppendLine(member.ToFullString().TrimEnd());
                    break;
            }
        }
    }

    private static string Compose(ExportState state, string notebookName, string fileName)
    {
        var body = state.Body.ToString();
        var text = new StringBuilder();
        text.AppendLine("#!/usr/bin/env dotnet");
        text.AppendLine($"// Exported from {notebookName.Replace('\\', '/')} by `pipeline export --to cs`: a .NET 10 file-based app.");
        var usage = string.Concat(state.Parameters.Select(p => $" --{p.Name} <{p.Type}>"));
        text.AppendLine($"// Run: dotnet run {fileName}{(usage.Length == 0 ? "" : " --" + usage)}");
        foreach (var project in state.Projects)
        {
            text.AppendLine($"#:project {project}");
        }
        text.AppendLine("// Notebook cells are scripts: their warnings do not stop the app.");
        text.AppendLine("#:property TreatWarningsAsErrors=false");
        text.AppendLine("// File-based apps default to native AOT, which turns reflection-based JSON off; the library and the formatters use it.");
        text.AppendLine("#:property PublishAot=false");
        text.AppendLine();
        foreach (var directive in NotebookEngineOptions.DefaultImports.Select(i => $"using {i};").Concat(state.Usings).Distinct(StringComparer.Ordinal))
        {
            text.AppendLine(directive);
        }
        text.AppendLine();
        text.AppendLine("// Cells ran with the notebook's folder as working directory; relative paths keep working.");
        text.AppendLine($"Directory.SetCurrentDirectory({ExportPrelude.ClassName}.Folder());");
        if (state.Parameters.Count > 0)
        {
            var list = string.Join(", ", state.Parameters.Select(p => $"(\"{p.Name}\", \"{p.Type}\", {SymbolDisplay.FormatLiteral(p.Default, quote: true)})"));
            text.AppendLine($"{ExportPrelude.ClassName}.CheckArguments(args, {list});");
        }
        if (body.Contains("display(", StringComparison.Ordinal))
        {
            text.AppendLine($"{ExportPrelude.ClassName}.DisplayHandle display(object? value, params string[] mimeTypes) => {ExportPrelude.ClassName}.Show(value);");
        }
        if (body.Contains("HTML(", StringComparison.Ordinal))
        {
            text.AppendLine($"Microsoft.AspNetCore.Html.IHtmlContent HTML(string html) => {ExportPrelude.ClassName}.Html(html);");
        }
        text.AppendLine();
        text.Append(body);
        text.Append(state.Types);
        text.AppendLine(ExportPrelude.Source);
        return text.ToString();
    }

    private sealed class ExportState(string notebookFolder, string outputFolder)
    {
        public StringBuilder Body { get; } = new();
        public StringBuilder Types { get; } = new();
        public List<string> Usings { get; } = [];
        public List<string> Projects { get; } = [];
        public List<(string Name, string Type, string Default)> Parameters { get; } = [];

        /// <summary>
        /// The code with <c>#!csharp</c> removed and <c>#r</c> turned into a project reference; a <c>#load</c>ed
        /// script is expanded the same way and handed to <paramref name="addLoaded"/> first, as a cell of its own
        /// (its statements run before the cell's, and the cell's <c>using</c>s still come first in the cell).
        /// </summary>
        public string ExpandDirectives(string code, string folder, string where, Action<string> addLoaded)
        {
            var output = new StringBuilder();
            foreach (var line in code.Split('\n'))
            {
                var trimmed = line.Trim();
                if (trimmed.StartsWith("#!", StringComparison.Ordinal))
                {
                    if (trimmed[2..].Trim() is "csharp" or "c#" or "C#" or "cs")
                    {
                        continue;
                    }
                    throw new ExportException($"{where}: '{trimmed}' is a Polyglot magic command; a file-based app is C# only");
                }
                if (trimmed.StartsWith("#load ", StringComparison.Ordinal))
                {
                    var file = Path.GetFullPath(Path.Combine(folder, Quoted(trimmed, where)));
                    if (!File.Exists(file))
                    {
                        throw new ExportException($"{where}: '{trimmed}' loads '{file}', which does not exist");
                    }
                    Body.AppendLine($"// {trimmed} (inlined)");
                    addLoaded(ExpandDirectives(File.ReadAllText(file), Path.GetDirectoryName(file)!, file, addLoaded));
                    continue;
                }
                if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
                {
                    AddReference(Quoted(trimmed, where), folder, where, trimmed);
                    continue;
                }
                output.Append(line).Append('\n');
            }
            return output.ToString();
        }

        private void AddReference(string reference, string folder, string where, string line)
        {
            if (reference.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
            {
                throw new ExportException($"{where}: '{line}' is a NuGet reference, which the notebooks' engine does not restore either; reference the library project's DLL instead");
            }
            var name = Path.GetFileNameWithoutExtension(reference);
            for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
            {
                var project = Path.Combine(dir.FullName, "src", name, name + ".csproj");
                if (File.Exists(project))
                {
                    var relative = Path.GetRelativePath(outputFolder, project).Replace('\\', '/');
                    if (!Projects.Contains(relative))
                    {
                        Projects.Add(relative);
                    }
                    return;
                }
            }
            throw new ExportException($"{where}: '{line}' references a built DLL; a file-based app needs its project (expected src/{name}/{name}.csproj in a folder above {notebookFolder})");
        }

        private static string Quoted(string directive, string where)
        {
            var start = directive.IndexOf('"', StringComparison.Ordinal);
            var end = directive.LastIndexOf('"');
            if (start < 0 || end <= start)
            {
                throw new ExportException($"{where}: expected a quoted path in '{directive}'");
            }
            return directive[(start + 1)..end];
        }
    }
}

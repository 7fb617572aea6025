using Microsoft.AspNetCore.Html;
using Microsoft.DotNet.Interactive.Formatting;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// The globals object of every notebook: its public members are visible unqualified in cells. It
/// provides the helpers that .NET Interactive's C# kernel imports (<c>display</c>, <c>HTML</c>), so
/// notebooks written for Polyglot run unchanged. They live here, in the runner, and never in the
/// library: a library copy would be ambiguous (CS0121) inside VS Code.
/// </summary>
/// <remarks>Roslyn requires the globals type to be public and to come from an assembly loaded from a file.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Style", "IDE1006:Naming Styles", Justification = "Same name as .NET Interactive's Kernel.display, so notebooks run in both hosts.")]
public class ScriptGlobals
{
    /// <summary>
    /// Shows <paramref name="value"/> as a <c>display_data</c> output of the running cell, formatted
    /// for <paramref name="mimeTypes"/> (default: the type's preferred ones, plus <c>text/plain</c>).
    /// </summary>
    /// <returns>A handle whose <c>Update(newValue)</c> replaces the output's content.</returns>
    public DisplayedValue display(object? value, params string[] mimeTypes) => DisplayRouter.Show(value, mimeTypes);

    /// <summary>Marks <paramref name="html"/> as HTML, so that returning or displaying it renders it (<c>text/html</c>).</summary>
    public IHtmlContent HTML(string html) => new HtmlString(html);
}

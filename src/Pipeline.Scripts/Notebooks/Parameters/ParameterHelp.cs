using System.Text;
using Pipeline.Scripts.Notebooks.Document;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>The text of <c>pipeline run --help-notebook</c>: each parameter's name, type, default and help comment.</summary>
public static class ParameterHelp
{
    /// <summary>The help text for the notebook at <paramref name="path"/>.</summary>
    public static string Describe(NotebookDocument notebook, string path)
    {
        var index = ParameterInjector.FindParametersCell(notebook);
        if (index < 0)
        {
            return $"{path} has no cell tagged '{ParameterInjector.ParametersTag}': it takes no parameters.\n";
        }
        var parameters = ParameterCellParser.Parse(notebook.Cells[index].Source);
        var text = new StringBuilder($"Parameters of {path}, declared in {ParameterInjector.Describe(notebook, index)}:\n");
        if (parameters.Count == 0)
        {
            return text.Append("  (the cell declares no variables)\n").ToString();
        }
        var rows = parameters.Select(p => (p.Name, Type: p.Type?.ToString() ?? "unknown (not settable)", Default: p.DefaultText, Help: p.Help ?? "")).ToList();
        int nameWidth = Math.Max(4, rows.Max(r => r.Name.Length)), typeWidth = Math.Max(4, rows.Max(r => r.Type.Length)), defaultWidth = Math.Max(7, rows.Max(r => r.Default.Length));
        foreach (var (name, type, @default, help) in rows.Prepend(("name", "type", "default", "help")))
        {
            var line = $"  {name.PadRight(nameWidth)}  {type.PadRight(typeWidth)}  {@default.PadRight(defaultWidth)}  {help}";
            text.Append(line.TrimEnd()).Append('\n');
        }
        return text.ToString();
    }
}

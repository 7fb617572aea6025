using System.Text;
using System.Text.Json.Nodes;
using Pipeline.Scripts.Notebooks.Document;

namespace Pipeline.Scripts.Notebooks.Parameters;

/// <summary>
/// papermill's parameterization for C#: the first cell tagged <c>parameters</c> declares the
/// parameters and their defaults; given values are checked against it, converted, and declared
/// again in a new code cell tagged <c>injected-parameters</c> right after it (C# scripting allows
/// a later cell to redeclare a variable), replacing a cell injected by an earlier run.
/// </summary>
/// <remarks>
/// Unlike papermill, which only warns, a name the parameters cell does not declare is an error,
/// and so is any value when the notebook has no parameters cell: without a declaration there is no
/// type to convert the value to, and a typo would silently leave the default in place.
/// </remarks>
public static class ParameterInjector
{
    /// <summary>The tag of the cell that declares the parameters.</summary>
    public const string ParametersTag = "parameters";

    /// <summary>The tag of the cell the runner inserts.</summary>
    public const string InjectedTag = "injected-parameters";

    /// <summary>The index of the first cell tagged <c>parameters</c>, or -1.</summary>
    public static int FindParametersCell(NotebookDocument notebook)
    {
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].HasTag(ParametersTag))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>The parameters declared by the notebook's parameters cell; empty when it has none.</summary>
    public static IReadOnlyList<NotebookParameter> Declared(NotebookDocument notebook)
    {
        var index = FindParametersCell(notebook);
        return index < 0 ? [] : ParameterCellParser.Parse(notebook.Cells[index].Source);
    }

    /// <summary>Converts the given values; every unknown name and every value that does not convert is reported in one exception.</summary>
    /// <exception cref="NotebookException">With <see cref="NotebookErrorKind.Usage"/>.</exception>
    public static IReadOnlyList<ParameterValue> Resolve(NotebookDocument notebook, string notebookPath, IReadOnlyList<RawParameter> given)
    {
        if (given.Count == 0)
        {
            return [];
        }
        var index = FindParametersCell(notebook);
        if (index < 0)
        {
            throw new NotebookException(NotebookErrorKind.Usage,
                $"{notebookPath} has no cell tagged '{ParametersTag}', so parameters cannot be set (given: {string.Join(", ", given.Select(g => $"{g.Name} from {g.Origin}"))}); " +
                $"add a code cell tagged '{ParametersTag}' that declares them with their defaults, e.g. `var days = 30;`");
        }
        var declared = ParameterCellParser.Parse(notebook.Cells[index].Source);
        var problems = new List<string>();
        var values = new List<ParameterValue>();
        foreach (var raw in given)
        {
            var parameter = declared.FirstOrDefault(p => p.Name == raw.Name);
            if (parameter is null)
            {
                var known = declared.Count == 0 ? "none" : string.Join(", ", declared.Select(p => p.Name));
                problems.Add($"{raw.Origin}: unknown parameter '{raw.Name}'; the parameters cell ({Describe(notebook, index)}) declares: {known}");
                continue;
            }
            try
            {
                values.Add(ParameterConverter.Convert(parameter, raw));
            }
            catch (NotebookException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
        {
            throw new NotebookException(NotebookErrorKind.Usage, string.Join(Environment.NewLine, problems));
        }
        // Declaration order: the injected cell reads like the parameters cell it overrides.
        return values.OrderBy(v => declared.ToList().IndexOf(v.Parameter)).ToList();
    }

    /// <summary>The injected cell's source.</summary>
    public static string InjectedSource(IReadOnlyList<ParameterValue> values)
    {
        var source = new StringBuilder("// Parameters");
        foreach (var value in values)
        {
            source.Append('\n').Append(value.Declaration);
        }
        return source.ToString();
    }

    /// <summary>
    /// Removes cells injected by earlier runs and inserts a new one after the parameters cell;
    /// records the values in <c>metadata.papermill.parameters</c> and the declared defaults in
    /// <c>metadata.papermill.default_parameters</c>. Does nothing when no values are given.
    /// </summary>
    /// <returns>The index of the injected cell, or -1.</returns>
    public static int Inject(NotebookDocument notebook, IReadOnlyList<ParameterValue> values)
    {
        if (values.Count == 0)
        {
            return -1;
        }
        for (var i = notebook.Cells.Count - 1; i >= 0; i--)
        {
            if (notebook.Cells[i].HasTag(InjectedTag))
            {
                notebook.RemoveAt(i);
            }
        }
        var index = FindParametersCell(notebook) + 1;
        var id = CellIds.Unique(InjectedTag, notebook.Ids());
        notebook.Insert(index, NotebookCell.NewCode(id, InjectedSource(values), InjectedTag));
        var papermill = PapermillMetadata.Notebook(notebook.Metadata);
        var recorded = new JsonObject();
        foreach (var value in values)
        {
            recorded[value.Parameter.Name] = value.Recorded?.DeepClone();
        }
        papermill["parameters"] = recorded;
        return index;
    }

    /// <summary>Records the parameters cell's declarations as <c>metadata.papermill.default_parameters</c> (name → initializer as written).</summary>
    public static void RecordDefaults(NotebookDocument notebook)
    {
        var declared = Declared(notebook);
        if (declared.Count == 0)
        {
            return;
        }
        var defaults = new JsonObject();
        foreach (var parameter in declared)
        {
            defaults[parameter.Name] = parameter.DefaultText;
        }
        PapermillMetadata.Notebook(notebook.Metadata)["default_parameters"] = defaults;
    }

    /// <summary>"cell 2 (id parameters)".</summary>
    public static string Describe(NotebookDocument notebook, int index) =>
        notebook.Cells[index].Id is { } id ? $"cell {index} (id {id})" : $"cell {index}";
}

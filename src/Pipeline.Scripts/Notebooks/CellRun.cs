using Pipeline.Scripts.Notebooks.Document;
using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks;

/// <summary>
/// One code cell's outputs during a run, kept as <see cref="CellOutput"/>s and written to the cell's
/// JSON on save. Consecutive text on the same stream is merged into one <c>stream</c> output, as
/// Jupyter does; a display update replaces the data of the output with the same display id.
/// </summary>
internal sealed class CellRun(NotebookCell cell)
{
    private readonly List<CellOutput> _outputs = [];

    public NotebookCell Cell { get; } = cell;

    public IReadOnlyList<CellOutput> Outputs => _outputs;

    /// <summary>True when outputs changed since the last <see cref="WriteTo"/>.</summary>
    public bool Dirty { get; private set; }

    public void Add(CellOutput output)
    {
        if (output is StreamOutput stream && _outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == stream.Name)
        {
            _outputs[^1] = last with { Text = last.Text + stream.Text };
        }
        else
        {
            _outputs.Add(output);
        }
        Dirty = true;
    }

    /// <summary>Replaces the data of this cell's display with <paramref name="update"/>'s id; false when it has none.</summary>
    public bool TryUpdateDisplay(DisplayDataOutput update)
    {
        var index = _outputs.FindIndex(o => o is DisplayDataOutput d && d.DisplayId == update.DisplayId);
        if (index < 0)
        {
            return false;
        }
        _outputs[index] = ((DisplayDataOutput)_outputs[index]) with { Data = update.Data };
        Dirty = true;
        return true;
    }

    public void WriteTo()
    {
        Cell.SetOutputs(OutputJson.ToJson(_outputs));
        Dirty = false;
    }
}

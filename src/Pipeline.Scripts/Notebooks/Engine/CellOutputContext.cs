using System.Text;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// Where one cell's console text and displays go. Console text is buffered per stream and
/// published a line at a time (or when <see cref="MaxPendingChars"/> pile up without a newline),
/// so output is live line by line without one message per <c>Write(char)</c>. Any other output
/// first flushes the pending text, which keeps the order the cell produced. Thread-safe.
/// </summary>
public sealed class CellOutputContext
{
    /// <summary>Pending text of one stream published even without a newline once it reaches this length.</summary>
    public const int MaxPendingChars = 8192;

    private readonly ICellOutputSink _sink;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Lock _gate = new();

    /// <summary>A context publishing to <paramref name="sink"/>.</summary>
    public CellOutputContext(CellSubmission cell, int executionCount, ICellOutputSink sink)
    {
        Cell = cell;
        ExecutionCount = executionCount;
        _sink = sink;
    }

    /// <summary>The cell this context belongs to.</summary>
    public CellSubmission Cell { get; }

    /// <summary>The cell's execution count.</summary>
    public int ExecutionCount { get; }

    /// <summary>Appends console text to <paramref name="stream"/> (<see cref="StreamOutput.StdOut"/> or <see cref="StreamOutput.StdErr"/>).</summary>
    public void Write(string stream, ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return;
        }
        lock (_gate)
        {
            var buffer = Buffer(stream);
            buffer.Append(text);
            var lastNewline = text.LastIndexOf('\n');
            if (lastNewline >= 0)
            {
                var complete = buffer.Length - (text.Length - lastNewline - 1);
                Emit(stream, buffer, complete);
            }
            else if (buffer.Length >= MaxPendingChars)
            {
                Emit(stream, buffer, buffer.Length);
            }
        }
    }

    /// <summary>Publishes any pending console text of both streams.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            Emit(StreamOutput.StdOut, _stdout, _stdout.Length);
            Emit(StreamOutput.StdErr, _stderr, _stderr.Length);
        }
    }

    /// <summary>Flushes pending console text, then publishes <paramref name="output"/>.</summary>
    public void Publish(CellOutput output)
    {
        lock (_gate)
        {
            Emit(StreamOutput.StdOut, _stdout, _stdout.Length);
            Emit(StreamOutput.StdErr, _stderr, _stderr.Length);
            _sink.Publish(output);
        }
    }

    private StringBuilder Buffer(string stream) => stream == StreamOutput.StdErr ? _stderr : _stdout;

    private void Emit(string stream, StringBuilder buffer, int length)
    {
        if (length == 0)
        {
            return;
        }
        var text = buffer.ToString(0, length);
        buffer.Remove(0, length);
        _sink.Publish(new StreamOutput(stream, text));
    }
}

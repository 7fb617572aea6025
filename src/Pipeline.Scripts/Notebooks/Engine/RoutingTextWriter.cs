using System.Text;

namespace Pipeline.Scripts.Notebooks.Engine;

/// <summary>
/// The writer installed once as <c>Console.Out</c> or <c>Console.Error</c>: text goes to the cell
/// whose code wrote it (found through <see cref="ConsoleRouter"/>'s AsyncLocal), and to the
/// original writer when no cell is running.
/// </summary>
internal sealed class RoutingTextWriter(string stream, TextWriter fallback) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => Write([value]);

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> buffer)
    {
        if (ConsoleRouter.Current is { } context)
        {
            context.Write(stream, buffer);
        }
        else
        {
            fallback.Write(buffer);
        }
    }

    public override void Write(string? value) => Write(value.AsSpan());

    public override void WriteLine(string? value)
    {
        Write(string.Concat(value, NewLine));
    }

    public override void WriteLine(ReadOnlySpan<char> buffer) => Write(string.Concat(buffer, NewLine));

    public override void Flush()
    {
        if (ConsoleRouter.Current is { } context)
        {
            context.Flush();
        }
        else
        {
            fallback.Flush();
        }
    }
}

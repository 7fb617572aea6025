using System.Text;
using System.Text.Json;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Reads and writes <see cref="WorkerMessage"/>s as JSON lines; writes are serialized by a lock (outputs come from any thread).</summary>
internal sealed class WorkerChannel
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Stream? _output;
    private readonly Lock _gate = new();

    public WorkerChannel(Stream? output) => _output = output;

    /// <summary>The JSON line of <paramref name="message"/> (no newline).</summary>
    public static string Serialize(WorkerMessage message) => JsonSerializer.Serialize(message, WorkerJsonContext.Default.WorkerMessage);

    /// <summary>The message on <paramref name="line"/>, or null when the line is not one (stray text from native code, say).</summary>
    public static WorkerMessage? TryParse(string line)
    {
        if (!line.StartsWith('{'))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(line, WorkerJsonContext.Default.WorkerMessage);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Writes one message and flushes, so the other side sees it at once.</summary>
    public void Send(WorkerMessage message)
    {
        var bytes = Utf8.GetBytes(Serialize(message) + "\n");
        lock (_gate)
        {
            _output!.Write(bytes);
            _output.Flush();
        }
    }
}

using Pipeline.Scripts.Notebooks.Engine;

namespace Pipeline.Scripts.Notebooks.Worker;

/// <summary>Sends one cell's outputs to the parent as <see cref="OutputMessage"/>s.</summary>
internal sealed class WorkerSink(WorkerChannel channel, int cell) : ICellOutputSink
{
    public void Publish(CellOutput output) => channel.Send(new OutputMessage(cell, output));
}

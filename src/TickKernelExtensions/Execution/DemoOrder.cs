namespace TickKernelExtensions.Execution;

/// <summary>An order of the demo executor in flight or resting: its journal form and its place in submission order.</summary>
internal sealed record DemoOrder(JournalOrder Order, long Sequence);

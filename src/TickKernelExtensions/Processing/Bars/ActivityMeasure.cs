namespace TickKernelExtensions.Processing.Bars;

/// <summary>What an activity bar counts toward its threshold.</summary>
internal enum ActivityMeasure
{
    Ticks,
    Volume,
    Notional,
}

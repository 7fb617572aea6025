using TickKernelExtensions.Market;

namespace TickKernelExtensions.Processing.Bars;

/// <summary>The error a bar builder raises for a tick earlier than its predecessor.</summary>
internal static class OutOfOrder
{
    public static MarketDataException At(int index, long time, long previous) => new(
        MarketDataErrorKind.InvalidTick,
        $"Tick {index} of the chunk is out of order: {TickTime.FromMicros(time):O} is earlier than the previous tick " +
        $"{TickTime.FromMicros(previous):O}. Bar builders need ticks in time order.");
}

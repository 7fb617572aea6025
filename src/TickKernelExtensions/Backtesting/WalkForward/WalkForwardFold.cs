using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.WalkForward;

/// <summary>
/// One fold: train on <c>[TrainStart, TrainEnd)</c>, trade <c>[TestStart, TestEnd)</c>, all UTC microseconds,
/// with <c>TrainEnd ≤ TestStart</c> (the gap between them is the options' <see cref="WalkForwardOptions.Gap"/>).
/// </summary>
public sealed record WalkForwardFold(int Index, long TrainStart, long TrainEnd, long TestStart, long TestEnd)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fold {Index}: train {TickTime.FromMicros(TrainStart):yyyy-MM-dd HH:mm} – {TickTime.FromMicros(TrainEnd):yyyy-MM-dd HH:mm}, " +
        $"trade {TickTime.FromMicros(TestStart):yyyy-MM-dd HH:mm} – {TickTime.FromMicros(TestEnd):yyyy-MM-dd HH:mm}");
}

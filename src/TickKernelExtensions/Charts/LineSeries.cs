namespace TickKernelExtensions.Charts;

/// <summary>One named line of <see cref="TickCharts.Lines"/>: values over UTC times, in time order.</summary>
/// <param name="Name">The legend name.</param>
/// <param name="Times">UTC times, ascending.</param>
/// <param name="Values">One value per time; NaN leaves a gap in the line.</param>
public sealed record LineSeries(string Name, DateTime[] Times, double[] Values);

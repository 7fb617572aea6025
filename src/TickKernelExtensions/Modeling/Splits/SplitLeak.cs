namespace TickKernelExtensions.Modeling.Splits;

/// <summary>
/// A witness of leakage found by <see cref="SplitCheck"/>: sample <see cref="Earlier"/> (role
/// <see cref="EarlierRole"/>) has a label window that overlaps the window of sample <see cref="Later"/> in another part.
/// </summary>
public readonly record struct SplitLeak(int Earlier, SplitRole EarlierRole, int Later, SplitRole LaterRole);

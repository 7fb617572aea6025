namespace TickKernelExtensions.Display;

/// <summary>A part of a <see cref="ResultView"/>: a <see cref="ViewLine"/> or a <see cref="ViewTable"/>.</summary>
internal abstract class ViewBlock;

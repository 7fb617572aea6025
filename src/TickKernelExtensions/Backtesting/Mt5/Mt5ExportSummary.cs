namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>What an MT5 export wrote.</summary>
/// <param name="Path">The file, once renamed into place.</param>
/// <param name="Rows">Data rows written (ticks or signals).</param>
/// <param name="FirstServerTime">Server wall-clock time of the first row; null when there were none.</param>
/// <param name="LastServerTime">Server wall-clock time of the last row; null when there were none.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the whole file's bytes.</param>
public sealed record Mt5ExportSummary(string Path, long Rows, DateTime? FirstServerTime, DateTime? LastServerTime, string Sha256);

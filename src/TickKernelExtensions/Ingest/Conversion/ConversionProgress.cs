namespace TickKernelExtensions.Ingest.Conversion;

/// <summary>Days done of total, and ticks written so far.</summary>
public sealed record ConversionProgress(int TotalDays, int DoneDays, long Ticks, string? Last);

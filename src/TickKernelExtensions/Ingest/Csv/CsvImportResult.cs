using Microsoft.DotNet.Interactive.Formatting;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Display;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>A successful CSV import: what was read, where the raw copy is, and the Parquet files committed.</summary>
/// <param name="File">The imported file.</param>
/// <param name="Summary">Rows, ticks, skipped rows by reason, time range.</param>
/// <param name="RawPath">The write-once copy in the raw zone.</param>
/// <param name="Commit">The Parquet files written (one per symbol-day).</param>
[TypeFormatterSource(typeof(ResultFormatterSource<CsvImportResult>), PreferredMimeTypes = ["text/html"])]
public sealed record CsvImportResult(string File, CsvReadSummary Summary, string RawPath, TickDatasetCommit Commit);

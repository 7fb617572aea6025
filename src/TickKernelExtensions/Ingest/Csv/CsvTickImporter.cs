using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TickKernelExtensions.Columnar;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Imports CSV tick files all or nothing. The whole file is read and validated while its Parquet files
/// are staged under temporary names; only when every row is good is the file copied unchanged to the
/// raw zone (<c>raw/csv-&lt;format&gt;/&lt;file name&gt;</c>) and the Parquet files committed
/// (<c>symbol=…/date=…/csv-&lt;format&gt;-&lt;hash&gt;.parquet</c>). On any error the staged files are
/// deleted, a copy of the file goes to the quarantine folder with a <c>.error.txt</c> beside it, and the
/// error (file, line, field, expected, actual) is thrown. Re-importing the same file is idempotent.
/// With <see cref="CsvImportOptions.MaxDegreeOfParallelism"/> above 1 (the default on a multi-core machine),
/// parsing runs on a second thread, overlapping Parquet encoding; the files written are the same bytes.
/// </summary>
public sealed partial class CsvTickImporter
{
    private readonly DataLayout _layout;
    private readonly RawZone _raw;
    private readonly TickParquetDataset _dataset;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public CsvTickImporter(DataLayout layout, TickParquetOptions? parquet = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _layout = layout ?? throw new ArgumentNullException(nameof(layout));
        _time = time ?? TimeProvider.System;
        _raw = new RawZone(layout.Raw, _time);
        _dataset = new TickParquetDataset(layout.Ticks, parquet);
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Imports one file, or quarantines it and throws <see cref="MarketDataException"/>.</summary>
    public async Task<CsvImportResult> ImportAsync(string path, CsvImportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"CSV file not found: {full}", full);
        }
        try
        {
            return await ImportCoreAsync(full, options ?? new CsvImportOptions(), cancellationToken);
        }
        catch (MarketDataException e) when (e.Kind != MarketDataErrorKind.RawConflict)
        {
            var quarantined = Quarantine(full, e);
            LogQuarantined(_logger, full, quarantined, e.Message);
            throw;
        }
    }

    private async Task<CsvImportResult> ImportCoreAsync(string path, CsvImportOptions options, CancellationToken ct)
    {
        using var reader = CsvTickReader.Open(path, options);
        var format = reader.Format.ToString().ToLowerInvariant();
        var source = "csv-" + format;
        var sourceId = $"{source}-{ShortHash(path)}";
        await using var writer = _dataset.BeginWrite(sourceId);
        await CsvTickPipeline.CopyAsync(reader, writer, options, ct);
        var summary = reader.Summary;
        var stored = await _raw.StoreFileAsync(source, Path.GetFileName(path), path,
            new RawProvenance(new Uri(path).AbsoluteUri, HttpStatus: null, Attempts: 1,
                Detail: string.Create(CultureInfo.InvariantCulture, $"{summary.Ticks} ticks of {summary.Symbol}, {summary.SkippedTotal} rows skipped")),
            ct);
        var commit = await writer.CommitAsync(ct);
        LogImported(_logger, path, summary.Ticks, commit.Files.Count);
        return new CsvImportResult(path, summary, stored.FullPath, commit);
    }

    private string Quarantine(string path, MarketDataException error)
    {
        Directory.CreateDirectory(_layout.Quarantine);
        var stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var target = Path.Combine(_layout.Quarantine, $"{stamp}-{Path.GetFileName(path)}");
        File.Copy(path, target, overwrite: true);
        File.WriteAllText(target + ".error.txt", $"{error.Kind}: {error.Message}\n");
        return target;
    }

    // Names the Parquet files after the content, so re-importing the same bytes replaces its own files
    // and a different file never overwrites another's.
    private static string ShortHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream))[..12];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Imported {File}: {Ticks} ticks into {Files} Parquet files")]
    private static partial void LogImported(ILogger logger, string file, long ticks, int files);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Quarantined {File} as {Target}: {Error}")]
    private static partial void LogQuarantined(ILogger logger, string file, string target, string error);
}

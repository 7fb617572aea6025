using System.IO.Compression;
using System.Text;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

public sealed partial class CsvTickReader
{
    private const int DukascopyTimeLength = 23;

    /// <summary>
    /// Opens a tick CSV or a zip holding one (LEAN's <c>YYYYMMDD_quote.zip</c>, or any zip with a single
    /// CSV entry), recognises its format, resolves its instrument and clock, and reads its header.
    /// Throws <see cref="MarketDataException"/>: <see cref="MarketDataErrorKind.InvalidOptions"/> for bad or
    /// missing options (an MT5 file without a clock, a symbol that cannot be inferred),
    /// <see cref="MarketDataErrorKind.UnknownFormat"/>, <see cref="MarketDataErrorKind.MalformedRow"/>
    /// (an empty file) or <see cref="MarketDataErrorKind.UnknownInstrument"/>.
    /// </summary>
    public static CsvTickReader Open(string path, CsvImportOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        options ??= new CsvImportOptions();
        options.Validate();
        // Our own buffer does the buffering: FileStream's is switched off (bufferSize 0).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0, FileOptions.SequentialScan);
        try
        {
            return Create(stream, path, options);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a tick CSV from a stream, which the reader then owns and disposes. <paramref name="name"/>
    /// names it in errors and stands in for the file name (symbol and LEAN date inference). Zip archives
    /// and UTF-16 text are recognised only on a seekable stream.
    /// </summary>
    public static CsvTickReader Open(Stream stream, string name, CsvImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= new CsvImportOptions();
        options.Validate();
        return Create(stream, name, options);
    }

    private static CsvTickReader Create(Stream stream, string path, CsvImportOptions options)
    {
        var owned = new List<IDisposable> { stream };
        try
        {
            return Create(stream, path, options, owned);
        }
        catch (InvalidDataException e)
        {
            Dispose(owned);
            throw new MarketDataException(MarketDataErrorKind.CorruptPayload, $"the zip archive is corrupt: {e.Message}", e) { File = path };
        }
        catch
        {
            Dispose(owned);
            throw;
        }
    }

    private static CsvTickReader Create(Stream stream, string path, CsvImportOptions options, List<IDisposable> owned)
    {
        var source = path;
        var fileName = System.IO.Path.GetFileName(path);
        var input = stream;
        Span<byte> magic = stackalloc byte[4];
        var peeked = Peek(stream, magic);
        if (peeked == 4 && magic.SequenceEqual("PK\u0003\u0004"u8))
        {
            var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: false);
            owned.Add(zip);
            var entry = ChooseEntry(zip, path, options);
            source = $"{path}!{entry.FullName}";
            fileName = entry.Name;
            input = entry.Open();
            owned.Add(input);
        }
        else if (peeked >= 2 && (magic[..2].SequenceEqual(stackalloc byte[] { 0xFF, 0xFE }) || magic[..2].SequenceEqual(stackalloc byte[] { 0xFE, 0xFF })))
        {
            // UTF-16 text (some Windows tools write it): re-encode to UTF-8 on the fly; the byte order
            // mark comes out as a UTF-8 one, which the line reader skips.
            var encoding = magic[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode;
            input = Encoding.CreateTranscodingStream(stream, encoding, Encoding.UTF8, leaveOpen: false);
            owned.Add(input);
        }

        var lines = new CsvLineReader(input, source, options.BufferSize);
        var layout = ReadLayout(lines, source, options.Format);
        var instrument = ResolveInstrument(layout.Format, fileName, source, options);
        var validator = new TickValidator(instrument, options.Validation);
        var (loop, clock) = CreateLoop(layout, lines, validator, source, fileName, path, options);
        return new CsvTickReader(path, source, layout, instrument, clock, lines, loop, validator, options.BatchSize, [.. Enumerable.Reverse(owned)]);
    }

    // Reads 4 bytes and seeks back; 0 when the stream cannot seek (no zip or UTF-16 detection then).
    private static int Peek(Stream stream, Span<byte> magic)
    {
        if (!stream.CanSeek)
        {
            return 0;
        }
        var start = stream.Position;
        var n = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        stream.Position = start;
        return n;
    }

    private static ZipArchiveEntry ChooseEntry(ZipArchive zip, string path, CsvImportOptions options)
    {
        var csvs = zip.Entries.Where(e => e.Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)).ToList();
        var names = CsvErrors.Text(Encoding.UTF8.GetBytes(string.Join(", ", zip.Entries.Select(e => e.FullName))));
        if (csvs.Count == 0)
        {
            throw new MarketDataException(MarketDataErrorKind.UnknownFormat, "the zip archive holds no .csv entry")
            {
                File = path, Field = "entry", Expected = "one .csv entry", Actual = names,
            };
        }
        if (csvs.Count == 1)
        {
            return csvs[0];
        }
        if (options.Symbol is { } symbol)
        {
            var key = Compact(symbol);
            var matches = csvs.Where(e => Compact(e.Name).Contains(key, StringComparison.Ordinal)).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }
        }
        throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
            $"the zip archive holds {csvs.Count} .csv entries: set CsvImportOptions.Symbol to the one to read")
        {
            File = path, Field = nameof(CsvImportOptions.Symbol), Expected = "a symbol naming exactly one entry", Actual = names,
        };
    }

    private static CsvLayout ReadLayout(CsvLineReader lines, string source, CsvTickFormat requested)
    {
        var expected = requested == CsvTickFormat.Auto
            ? "a header or data line of a recognised format"
            : CsvFormatDetector.Describe(requested);
        if (!lines.TryReadLine(out var first))
        {
            throw new MarketDataException(MarketDataErrorKind.MalformedRow, "the file is empty")
            {
                File = source, Line = 1, Field = "header", Expected = expected, Actual = "end of file",
            };
        }
        if (first.IsEmpty)
        {
            var blank = true;
            while (blank && lines.TryReadLine(out var next))
            {
                blank = next.IsEmpty;
            }
            throw blank
                ? new MarketDataException(MarketDataErrorKind.MalformedRow, "the file holds only blank lines")
                {
                    File = source, Line = 1, Field = "header", Expected = expected, Actual = "end of file",
                }
                : new MarketDataException(MarketDataErrorKind.UnknownFormat, "line 1 is blank: the header (or first data row) must be on line 1")
                {
                    File = source, Line = 1, Field = "header", Expected = expected, Actual = "",
                };
        }
        var layout = CsvFormatDetector.Recognise(first, requested, source);
        if (!layout.HasHeader)
        {
            lines.Unread();
        }
        return layout;
    }

    private static Instrument ResolveInstrument(CsvTickFormat format, string fileName, string source, CsvImportOptions options)
    {
        var inferred = options.Symbol is null;
        var symbol = options.Symbol ?? CsvFileName.Symbol(format, fileName)
            ?? throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"the instrument is unknown: {format} rows do not name it and the file name '{fileName}' does not either; set CsvImportOptions.Symbol (e.g. \"EURUSD\")")
            {
                File = source, Field = nameof(CsvImportOptions.Symbol), Expected = "a symbol such as EURUSD", Actual = "none",
            };
        try
        {
            return options.Catalog.Get(symbol);
        }
        catch (MarketDataException e) when (e.Kind == MarketDataErrorKind.UnknownInstrument)
        {
            if (!inferred)
            {
                throw e.At(source);
            }
            throw new MarketDataException(e.Kind,
                $"Unknown instrument '{symbol}', inferred from the file name '{fileName}': no decimal factor is known for it; " +
                "set CsvImportOptions.Symbol to a catalogued instrument", e)
            {
                File = source, Field = e.Field, Expected = e.Expected, Actual = e.Actual,
            };
        }
    }

    private static (CsvTickLoop Loop, string Clock) CreateLoop(
        CsvLayout layout, CsvLineReader lines, TickValidator validator, string source, string fileName, string path, CsvImportOptions options)
    {
        var optionClock = options.Clock();
        switch (layout.Format)
        {
            case CsvTickFormat.DukascopyNode:
                RefuseClock(optionClock, source, "dukascopy-node timestamps are epoch milliseconds in UTC");
                return (new CsvTickLoop<DukascopyNodeRowParser>(lines, validator, source,
                    new DukascopyNodeRowParser(source, layout.Volumes)), "UTC");

            case CsvTickFormat.HistData:
                if (options.TimeZone is not null || (options.UtcOffset is { } offset && offset != HistDataRowParser.UtcOffset))
                {
                    RefuseClock(optionClock, source, "HistData times are EST without daylight saving (UTC-05:00) by definition");
                }
                return (new CsvTickLoop<HistDataRowParser>(lines, validator, source, new HistDataRowParser(source)),
                    "UTC" + LocalClock.FormatOffset(HistDataRowParser.UtcOffset));

            case CsvTickFormat.Lean:
            {
                var date = CsvFileName.LeanDate(fileName) ?? CsvFileName.LeanDate(System.IO.Path.GetFileName(path))
                    ?? throw new MarketDataException(MarketDataErrorKind.UnknownFormat,
                        "LEAN rows carry only the time of day: the date must come from the file name, which does not follow LEAN's naming")
                    {
                        File = source, Field = "file name", Expected = "YYYYMMDD_{sym}_tick_quote.csv (or YYYYMMDD_quote.zip)", Actual = fileName,
                    };
                var clock = optionClock ?? LocalClock.Utc();
                var midnight = CivilTime.DaysFromCivil(date.Year, date.Month, date.Day) * TickTime.MicrosPerDay;
                return (new CsvTickLoop<LeanRowParser>(lines, validator, source, new LeanRowParser(source, clock, midnight)), clock.Description);
            }

            case CsvTickFormat.Mt5:
            {
                var clock = optionClock ?? throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                    "MT5 exports are in the broker's server time, which the file does not state: set CsvImportOptions.UtcOffset " +
                    "(e.g. TimeSpan.FromHours(2) for a broker on GMT+2 all year) or CsvImportOptions.TimeZone " +
                    "(e.g. \"Europe/Helsinki\" for a broker on EET with daylight saving)")
                {
                    File = source, Field = $"{nameof(CsvImportOptions.UtcOffset)}/{nameof(CsvImportOptions.TimeZone)}",
                    Expected = "the broker's clock", Actual = "none",
                };
                return (new CsvTickLoop<Mt5RowParser>(lines, validator, source, new Mt5RowParser(source, clock, layout.ExtraFields)), clock.Description);
            }

            default:
            {
                var clock = DukascopyClock(layout, lines, source, optionClock);
                return (new CsvTickLoop<DukascopyRowParser>(lines, validator, source,
                    new DukascopyRowParser(source, layout.TimeField, layout.Volumes, clock)), clock?.Description ?? "per-row GMT suffix");
            }
        }
    }

    // A Dukascopy export states its clock in the header ("Gmt time") or per row (" GMT+0100"); only a
    // "Local time" export without suffixes needs the options, and options contradicting the file are refused.
    private static LocalClock? DukascopyClock(CsvLayout layout, CsvLineReader lines, string source, LocalClock? optionClock)
    {
        var suffixed = false;
        if (lines.TryReadLine(out var row))
        {
            suffixed = row.Length > DukascopyTimeLength && row[DukascopyTimeLength] == (byte)' ';
            lines.Unread();
        }
        if (layout.HeaderSaysUtc)
        {
            RefuseClock(optionClock, source, $"the header '{layout.TimeField}' says the times are GMT");
            return LocalClock.Utc();
        }
        if (suffixed)
        {
            RefuseClock(optionClock, source, "the rows carry their own ' GMT+hhmm' offset");
            return null;
        }
        return optionClock ?? throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
            $"the header '{layout.TimeField}' says the times are local and the rows carry no ' GMT+hhmm' suffix: " +
            "set CsvImportOptions.UtcOffset or CsvImportOptions.TimeZone to the clock of the export")
        {
            File = source, Field = $"{nameof(CsvImportOptions.UtcOffset)}/{nameof(CsvImportOptions.TimeZone)}",
            Expected = "the export's clock", Actual = "none",
        };
    }

    private static void RefuseClock(LocalClock? optionClock, string source, string why)
    {
        if (optionClock is not null)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"{why}: remove CsvImportOptions.UtcOffset/TimeZone, which would contradict the file")
            {
                File = source, Field = $"{nameof(CsvImportOptions.UtcOffset)}/{nameof(CsvImportOptions.TimeZone)}",
                Expected = "none", Actual = optionClock.Description,
            };
        }
    }

    private static string Compact(string s) =>
        new(s.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit).ToArray());

    private static void Dispose(List<IDisposable> owned)
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            owned[i].Dispose();
        }
    }
}

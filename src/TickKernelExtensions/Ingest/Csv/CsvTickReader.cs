using System.Runtime.ExceptionServices;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Streams a tick CSV (Dukascopy, dukascopy-node, MT5, HistData or a LEAN zip) into validated columnar
/// batches: UTC epoch microseconds, bid, ask and volumes in millions (NaN where the format has none).
/// Memory stays bounded by one read buffer and the caller's batch. Every tick passes
/// <see cref="TickValidator"/> under <see cref="CsvImportOptions.Validation"/>.
/// <para>
/// Errors are <see cref="MarketDataException"/> naming the source (<c>path</c> or <c>path!entry</c>),
/// the 1-based physical line, the field, what was expected and the raw text found. An error can come
/// from any line, the last included, so read to the end (<see cref="ReadBatch"/> returning false)
/// before committing what was read. After an error every further call throws it again.
/// </para>
/// Not thread safe. Dispose to close the file.
/// </summary>
public sealed partial class CsvTickReader : IDisposable
{
    private readonly IDisposable[] _owned;
    private readonly CsvLineReader _lines;
    private readonly CsvTickLoop _loop;
    private readonly TickValidator _validator;
    private readonly int _batchSize;
    private readonly string _clock;
    private long _ticks;
    private bool _completed;
    private ExceptionDispatchInfo? _failure;
    private bool _disposed;

    private CsvTickReader(string path, string source, CsvLayout layout, Instrument instrument, string clock,
        CsvLineReader lines, CsvTickLoop loop, TickValidator validator, int batchSize, IDisposable[] owned)
    {
        Path = path;
        Source = source;
        Format = layout.Format;
        Instrument = instrument;
        _clock = clock;
        _lines = lines;
        _loop = loop;
        _validator = validator;
        _batchSize = batchSize;
        _owned = owned;
    }

    /// <summary>The path (or stream name) given to <c>Open</c>.</summary>
    public string Path { get; }

    /// <summary>The source as errors name it: <see cref="Path"/>, or <c>path!entry</c> for a CSV inside a zip.</summary>
    public string Source { get; }

    /// <summary>The format being read (recognised, or as given in the options).</summary>
    public CsvTickFormat Format { get; }

    /// <summary>The instrument the prices are validated against.</summary>
    public Instrument Instrument { get; }

    /// <summary>What has been read so far; final once <see cref="CsvReadSummary.Completed"/> is true.</summary>
    public CsvReadSummary Summary => new()
    {
        Source = Source,
        Format = Format,
        Symbol = Instrument.Symbol,
        Clock = _clock,
        Lines = _lines.LineNumber,
        Rows = _loop.Rows,
        Ticks = _ticks,
        Skipped = Enum.GetValues<CsvSkipReason>()
            .Where(r => _loop.Skipped[(int)r] > 0)
            .ToDictionary(r => r, r => _loop.Skipped[(int)r]),
        FirstTimestamp = _loop.First,
        LastTimestamp = _loop.Last,
        CrossedKept = _validator.CrossedKept,
        DuplicatesKept = _validator.DuplicatesKept,
        Completed = _completed,
    };

    /// <summary>
    /// Clears <paramref name="target"/> and fills it with up to <see cref="CsvImportOptions.BatchSize"/>
    /// validated ticks. Returns false, with <paramref name="target"/> empty, once the input is exhausted;
    /// a file that yields no tick at all (empty, header only, every row skipped) is an error at that point.
    /// </summary>
    public bool ReadBatch(TickColumns target)
    {
        ArgumentNullException.ThrowIfNull(target);
        ObjectDisposedException.ThrowIf(_disposed, this);
        _failure?.Throw();
        target.Clear();
        if (_completed)
        {
            return false;
        }
        try
        {
            var n = _loop.Fill(target, _batchSize);
            _ticks += n;
            if (n < _batchSize)
            {
                Finish();
            }
            return n > 0;
        }
        catch (Exception e) when (e is MarketDataException or InvalidDataException)
        {
            target.Clear();
            var error = e as MarketDataException ?? new MarketDataException(MarketDataErrorKind.CorruptPayload,
                $"the compressed data is corrupt: {e.Message}", e) { File = Source, Line = _lines.LineNumber + 1 };
            _failure = ExceptionDispatchInfo.Capture(error);
            if (ReferenceEquals(error, e))
            {
                throw;
            }
            throw error;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private void Finish()
    {
        if (_ticks == 0)
        {
            var why = _loop.Rows == 0 ? "the file has no data rows" : $"all {_loop.Rows:N0} data rows were skipped";
            throw new MarketDataException(MarketDataErrorKind.MalformedRow, $"no ticks: {why}")
            {
                File = Source,
                Line = _lines.LineNumber + 1,
                Expected = "at least one tick row",
                Actual = "end of file",
            };
        }
        _completed = true;
    }
}

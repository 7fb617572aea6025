using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Csv;

/// <summary>
/// Splits a stream into lines over one large reused byte buffer: the vectorised
/// <see cref="MemoryExtensions.IndexOf{T}(ReadOnlySpan{T}, T)"/> finds each '\n', a '\r' before it is
/// dropped (CRLF files), and a UTF-8 byte order mark at the start is skipped. Lines are returned as
/// spans into the buffer, valid until the next call. Counts physical lines (1-based). Not thread safe.
/// </summary>
internal sealed class CsvLineReader
{
    private readonly Stream _stream;
    private readonly string _source;
    private readonly byte[] _buffer;
    private int _pos;
    private int _end;
    private bool _eof;
    private bool _started;
    private int _lastLineStart = -1;

    /// <param name="stream">The bytes; read forward only.</param>
    /// <param name="source">Where they come from, for errors.</param>
    /// <param name="bufferSize">The buffer; a line longer than this is an error.</param>
    public CsvLineReader(Stream stream, string source, int bufferSize)
    {
        _stream = stream;
        _source = source;
        _buffer = new byte[bufferSize];
    }

    /// <summary>The 1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Returns the next line without its terminator; false at the end of the input.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var rest = new ReadOnlySpan<byte>(_buffer, _pos, _end - _pos);
        var newline = rest.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            var length = newline > 0 && rest[newline - 1] == (byte)'\r' ? newline - 1 : newline;
            line = rest[..length];
            _lastLineStart = _pos;
            _pos += newline + 1;
            LineNumber++;
            return true;
        }
        return TryReadLineSlow(out line);
    }

    /// <summary>Steps back over the line just read, so the next <see cref="TryReadLine"/> returns it again.</summary>
    public void Unread()
    {
        if (_lastLineStart < 0)
        {
            throw new InvalidOperationException("Only the line just read can be unread.");
        }
        _pos = _lastLineStart;
        _lastLineStart = -1;
        LineNumber--;
    }

    private bool TryReadLineSlow(out ReadOnlySpan<byte> line)
    {
        Start();
        while (true)
        {
            var rest = new ReadOnlySpan<byte>(_buffer, _pos, _end - _pos);
            var newline = rest.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return TryReadLine(out line);
            }
            if (_eof)
            {
                if (rest.IsEmpty)
                {
                    line = default;
                    _lastLineStart = -1;
                    return false;
                }
                // The last line has no terminator.
                var length = rest[^1] == (byte)'\r' ? rest.Length - 1 : rest.Length;
                line = rest[..length];
                _lastLineStart = _pos;
                _pos = _end;
                LineNumber++;
                return true;
            }
            if (_pos == 0 && _end == _buffer.Length)
            {
                throw new MarketDataException(MarketDataErrorKind.MalformedRow,
                    $"line is longer than the read buffer ({_buffer.Length:N0} bytes): this is not a tick CSV, or its lines are not separated by '\\n'")
                {
                    File = _source,
                    Line = LineNumber + 1,
                    Expected = $"a line shorter than {_buffer.Length:N0} bytes",
                    Actual = CsvErrors.Text(rest),
                };
            }
            Fill();
        }
    }

    // Moves the unread tail to the front and reads until the buffer is full or the stream ends.
    private void Fill()
    {
        var tail = _end - _pos;
        if (tail > 0 && _pos > 0)
        {
            Buffer.BlockCopy(_buffer, _pos, _buffer, 0, tail);
        }
        _pos = 0;
        _end = tail;
        _lastLineStart = -1;
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _eof = true;
                break;
            }
            _end += read;
        }
    }

    private void Start()
    {
        if (_started)
        {
            return;
        }
        _started = true;
        Fill();
        if (_end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
        {
            _pos = 3;
        }
    }
}

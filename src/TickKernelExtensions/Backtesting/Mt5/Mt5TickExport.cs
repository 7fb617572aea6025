using System.Globalization;
using System.Security.Cryptography;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Backtesting.Mt5;

/// <summary>
/// Writes ticks as the text file MT5 imports into a custom symbol (Symbols → the symbol → Ticks → Import Ticks): the
/// layout of the terminal's own tick export, tab separated, CRLF line ends, ASCII, header then one row per tick.
/// <code>
/// &lt;DATE&gt;     &lt;TIME&gt;         &lt;BID&gt;    &lt;ASK&gt;    &lt;LAST&gt; &lt;VOLUME&gt; &lt;FLAGS&gt;
/// 2024.03.04 10:00:00.123  1.08512  1.08515                 6
/// </code>
/// DATE and TIME are the server wall clock (<see cref="Mt5TickExportOptions.ServerTime"/>), milliseconds floored from
/// our microseconds; BID and ASK carry the configured digits; LAST and VOLUME stay empty (quotes, not deals) unless
/// quote volume is asked for; FLAGS is 6 (TICK_FLAG_BID 2 | TICK_FLAG_ASK 4: both sides are written on every row).
/// Streaming: batches are appended as they come, memory is one output buffer. Atomic: rows go to a hidden temporary
/// file beside the target, renamed over it by <see cref="CompleteAsync"/>; disposing without completing deletes it.
/// Not thread safe.
/// </summary>
public sealed class Mt5TickExport : IAsyncDisposable
{
    /// <summary>The header line, as the terminal writes and reads it.</summary>
    public const string Header = "<DATE>\t<TIME>\t<BID>\t<ASK>\t<LAST>\t<VOLUME>\t<FLAGS>";

    /// <summary>MQL5 TICK_FLAG_BID.</summary>
    public const int FlagBid = 2;

    /// <summary>MQL5 TICK_FLAG_ASK.</summary>
    public const int FlagAsk = 4;

    /// <summary>MQL5 TICK_FLAG_VOLUME.</summary>
    public const int FlagVolume = 8;

    private const int BufferSize = 1 << 20;
    private readonly string _path;
    private readonly string _temp;
    private readonly FileStream _stream;
    private readonly Mt5TickExportOptions _options;
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly char[] _line = new char[128];
    private readonly string _priceFormat;
    private Mt5ServerTime.OffsetCache _offsets;
    private int _used;
    private long _rows;
    private long _lastUtc = long.MinValue;
    private long _firstServer;
    private long _lastServer = long.MinValue;
    private bool _completed;

    private Mt5TickExport(string path, string temp, FileStream stream, Mt5TickExportOptions options)
    {
        _path = path;
        _temp = temp;
        _stream = stream;
        _options = options;
        _priceFormat = "F" + options.EffectiveDigits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Ticks written so far.</summary>
    public long Rows => _rows;

    /// <summary>Validates the options, opens the temporary file beside <paramref name="path"/> and writes the header.</summary>
    public static Task<Mt5TickExport> CreateAsync(string path, Mt5TickExportOptions options, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        var export = new Mt5TickExport(full, temp, stream, options);
        export.Append(Header);
        export.Append("\r\n");
        return Task.FromResult(export);
    }

    /// <summary>Writes every tick of a stream of batches to <paramref name="path"/> and completes the file.</summary>
    public static async Task<Mt5ExportSummary> WriteAsync(
        IAsyncEnumerable<TickColumns> batches, string path, Mt5TickExportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batches);
        await using var export = await CreateAsync(path, options, cancellationToken);
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            await export.WriteAsync(batch, cancellationToken);
        }
        return await export.CompleteAsync(cancellationToken);
    }

    /// <summary>Appends a batch. Ticks must be in time order across batches, with finite positive prices.</summary>
    /// <exception cref="Mt5Exception">InvalidInput naming the file line the tick would take, the field, expected and actual.</exception>
    public async Task WriteAsync(TickColumns ticks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ticks);
        ObjectDisposedException.ThrowIf(_completed, this);
        for (var i = 0; i < ticks.Count; i++)
        {
            var length = Format(ticks, i);
            if (BufferSize - _used < length)
            {
                await FlushAsync(cancellationToken);
            }
            for (var c = 0; c < length; c++)
            {
                _buffer[_used++] = (byte)_line[c];
            }
            _rows++;
        }
    }

    /// <summary>Flushes, closes and renames the temporary file over the target; returns what was written.</summary>
    public async Task<Mt5ExportSummary> CompleteAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        await FlushAsync(cancellationToken);
        await _stream.FlushAsync(cancellationToken);
        await _stream.DisposeAsync();
        File.Move(_temp, _path, overwrite: true);
        _completed = true;
        return new Mt5ExportSummary(_path, _rows,
            _rows > 0 ? Mt5Text.ToDateTime(_firstServer) : null,
            _rows > 0 ? Mt5Text.ToDateTime(_lastServer) : null,
            Convert.ToHexStringLower(_hash.GetHashAndReset()));
    }

    /// <summary>Closes the file; when <see cref="CompleteAsync"/> was not called, deletes the temporary file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _completed = true;
            await _stream.DisposeAsync();
            File.Delete(_temp);
        }
        _hash.Dispose();
    }

    private int Format(TickColumns ticks, int i)
    {
        var line = _rows + 2;
        var utc = ticks.Timestamps[i];
        if (utc < _lastUtc)
        {
            throw Invalid(line, "time", $"at or after {TickTime.FromMicros(_lastUtc):O} (the previous tick)", $"{TickTime.FromMicros(utc):O}",
                "Ticks are out of time order; MT5 rejects unsorted ticks.");
        }
        var bid = ticks.Bids[i];
        var ask = ticks.Asks[i];
        CheckPrice(line, "bid", bid, utc);
        CheckPrice(line, "ask", ask, utc);
        var server = _options.ServerTime.ToServerMillis(utc, ref _offsets);
        if (server < _lastServer)
        {
            throw Invalid(line, "time", $"server time at or after {Mt5Text.FormatDateTime(_lastServer)}", Mt5Text.FormatDateTime(server),
                $"The server clock ({_options.ServerTime.Name}) goes back here (daylight saving time ends while ticks arrive), so the ticks would be out of order; use a fixed offset or new-york-close.");
        }
        if (_rows == 0)
        {
            _firstServer = server;
        }
        _lastUtc = utc;
        _lastServer = server;

        var span = _line.AsSpan();
        Mt5Text.WriteDate(server, span);
        span[10] = '\t';
        Mt5Text.WriteTime(server, span[11..]);
        var n = 23;
        span[n++] = '\t';
        bid.TryFormat(span[n..], out var w, _priceFormat, CultureInfo.InvariantCulture);
        n += w;
        span[n++] = '\t';
        ask.TryFormat(span[n..], out w, _priceFormat, CultureInfo.InvariantCulture);
        n += w;
        span[n++] = '\t';
        span[n++] = '\t';
        var flags = FlagBid | FlagAsk;
        if (_options.WriteQuoteVolume)
        {
            var volume = (double)ticks.BidVolumes[i] + ticks.AskVolumes[i];
            if (double.IsFinite(volume))
            {
                volume.TryFormat(span[n..], out w, "0.########", CultureInfo.InvariantCulture);
                n += w;
                flags |= FlagVolume;
            }
        }
        span[n++] = '\t';
        flags.TryFormat(span[n..], out w, default, CultureInfo.InvariantCulture);
        n += w;
        span[n++] = '\r';
        span[n++] = '\n';
        return n;
    }

    private void CheckPrice(long line, string field, double price, long utc)
    {
        if (!double.IsFinite(price) || price <= 0)
        {
            throw Invalid(line, field, "a finite price above zero", price.ToString(CultureInfo.InvariantCulture),
                $"The tick at {TickTime.FromMicros(utc):O} has no usable {field}.");
        }
    }

    private Mt5Exception Invalid(long line, string field, string expected, string actual, string message) =>
        new(Mt5ErrorKind.InvalidInput, message) { File = _path, Line = line, Field = field, Expected = expected, Actual = actual };

    private void Append(string text)
    {
        foreach (var c in text)
        {
            _buffer[_used++] = (byte)c;
        }
    }

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_used == 0)
        {
            return;
        }
        _hash.AppendData(_buffer, 0, _used);
        await _stream.WriteAsync(_buffer.AsMemory(0, _used), cancellationToken);
        _used = 0;
    }
}

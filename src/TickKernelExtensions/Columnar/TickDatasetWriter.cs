using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>
/// A write transaction of one source into a <see cref="TickParquetDataset"/>. Ticks are appended per
/// symbol, non-decreasing in time within a symbol (symbols may interleave); each row goes to the
/// partition of its UTC date. A partition file is staged as a hidden temp file beside its final name
/// and finished as soon as its symbol's ticks move past that date, so few files are open at once
/// (at most <see cref="TickParquetOptions.MaxOpenPartitions"/>).
/// <para>
/// <see cref="CommitAsync"/> renames every staged file over <c>&lt;sourceId&gt;.parquet</c> (atomic per file:
/// a reader sees the old file or the new one, never a partial one) and flushes the directories.
/// Disposing without a commit deletes every staged file, so a failed import changes nothing visible.
/// Not thread safe.
/// </para>
/// </summary>
public sealed partial class TickDatasetWriter : IAsyncDisposable
{
    private readonly TickParquetDataset _dataset;
    private readonly Guid _transaction = Guid.NewGuid();
    private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);
    private readonly List<PartitionFileWriter> _open = [];
    private readonly List<TickPartitionFile> _staged = [];
    private readonly Dictionary<string, string> _stagedTempPaths = new(StringComparer.Ordinal);
    private readonly List<string> _createdDirectories = [];
    private State _state = State.Open;

    internal TickDatasetWriter(TickParquetDataset dataset, string sourceId)
    {
        _dataset = dataset;
        SourceId = sourceId;
        FileName = sourceId + HivePath.Extension;
    }

    private enum State
    {
        Open,
        Committed,
        Failed,
        Disposed,
    }

    /// <summary>The source being written; its files are named <see cref="FileName"/>.</summary>
    public string SourceId { get; }

    /// <summary><c>&lt;SourceId&gt;.parquet</c>.</summary>
    public string FileName { get; }

    /// <summary>Appends every tick of <paramref name="batch"/> for <paramref name="symbol"/>.</summary>
    public ValueTask AppendAsync(string symbol, TickColumns batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return AppendAsync(symbol, batch, 0, batch.Count, cancellationToken);
    }

    /// <summary>
    /// Appends ticks <c>[start, start + count)</c> of <paramref name="batch"/> for <paramref name="symbol"/>.
    /// Throws a <see cref="MarketDataException"/> (<see cref="MarketDataErrorKind.InvalidTick"/>) naming the
    /// symbol and both times, and writing nothing of the batch, when a tick is earlier than the one before it;
    /// the transaction stays usable then. Any other failure leaves it only to be disposed.
    /// </summary>
    public async ValueTask AppendAsync(string symbol, TickColumns batch, int start, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start, batch.Count - count, nameof(start));
        ThrowIfNotOpen();
        HivePath.ValidateName(symbol, "symbol", SourceId);
        if (count == 0)
        {
            return;
        }
        if (!_symbols.TryGetValue(symbol, out var state))
        {
            state = new SymbolState();
            _symbols.Add(symbol, state);
        }
        CheckOrder(symbol, state, batch, start, count);
        var end = start + count;
        try
        {
            while (start < end)
            {
                var day = HivePath.DayOf(batch.Timestamps[start]);
                var dayEnd = EndOfDay(batch, start, end, day);
                var partition = await PartitionAsync(symbol, state, day, cancellationToken);
                await partition.WriteAsync(batch, start, dayEnd - start, cancellationToken);
                start = dayEnd;
            }
        }
        catch
        {
            // Part of the batch may be in the files: the transaction can only be disposed now.
            _state = State.Failed;
            throw;
        }
        state.LastTimestamp = batch.Timestamps[end - 1];
    }

    /// <summary>
    /// Finishes every open file, renames each staged file into place (replacing the source's previous
    /// file there) and flushes the directories to disk. Returns the committed files, ordered by symbol
    /// then date. After a failure here some files may already be in place; the rest are removed on dispose.
    /// </summary>
    public async ValueTask<TickDatasetCommit> CommitAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfNotOpen();
        _state = State.Failed;
        foreach (var partition in _open.OrderBy(p => p.Symbol, StringComparer.Ordinal).ThenBy(p => p.Day).ToList())
        {
            await FinishAsync(partition, cancellationToken);
        }
        var files = _staged
            .OrderBy(f => f.Symbol, StringComparer.Ordinal)
            .ThenBy(f => f.Date)
            .ToList();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Move(_stagedTempPaths[file.Path], file.Path, overwrite: true);
            _stagedTempPaths.Remove(file.Path);
        }
        foreach (var directory in DirectoriesToFlush(files))
        {
            DirectorySync.Flush(directory);
        }
        _state = State.Committed;
        return new TickDatasetCommit(SourceId, files);
    }

    /// <summary>Without a commit: closes open files and deletes every staged temp file and every directory this transaction created.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state is State.Committed or State.Disposed)
        {
            _state = State.Disposed;
            return;
        }
        _state = State.Disposed;
        foreach (var partition in _open)
        {
            await partition.DisposeAsync();
            _stagedTempPaths[partition.FinalPath] = partition.TempPath;
        }
        _open.Clear();
        RemoveStagedFiles();
    }

    private static int EndOfDay(TickColumns batch, int start, int end, long day)
    {
        var next = (day + 1) * TickTime.MicrosPerDay;
        var ts = batch.Timestamps[start..end];
        // Timestamps are sorted here (checked before): binary search for the first of the next day.
        int lo = 0, hi = ts.Length;
        while (lo < hi)
        {
            var mid = (int)((uint)(lo + hi) >> 1);
            if (ts[mid] < next)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return start + lo;
    }

    private void CheckOrder(string symbol, SymbolState state, TickColumns batch, int start, int count)
    {
        var ts = batch.Timestamps.Slice(start, count);
        var previous = state.LastTimestamp ?? long.MinValue;
        for (var i = 0; i < ts.Length; i++)
        {
            if (ts[i] < previous)
            {
                throw new MarketDataException(MarketDataErrorKind.InvalidTick,
                    $"Ticks of {symbol} go back in time at batch row {start + i}: {Iso(previous)} is followed by {Iso(ts[i])}.")
                {
                    File = SourceId,
                    Field = TickParquetSchema.Timestamp,
                    Expected = $">= {Iso(previous)} (the previous tick of {symbol})",
                    Actual = Iso(ts[i]),
                };
            }
            previous = ts[i];
        }
    }

    private static string Iso(long micros) =>
        TickTime.FromMicros(micros).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private void ThrowIfNotOpen()
    {
        ObjectDisposedException.ThrowIf(_state == State.Disposed, this);
        if (_state != State.Open)
        {
            throw new InvalidOperationException($"The dataset write of '{SourceId}' is {_state.ToString().ToLowerInvariant()}; start a new one.");
        }
    }

    private sealed class SymbolState
    {
        public long? LastTimestamp { get; set; }

        public PartitionFileWriter? Open { get; set; }

        public HashSet<long> FinishedDays { get; } = [];
    }
}

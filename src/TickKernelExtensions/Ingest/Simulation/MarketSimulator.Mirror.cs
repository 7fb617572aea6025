using TickKernelExtensions.Ingest.Dukascopy;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Simulation;

public sealed partial class MarketSimulator
{
    /// <summary>
    /// Writes the run as a Dukascopy datafeed mirror under <paramref name="mirrorRoot"/>: one file per symbol
    /// and hour at <see cref="DukascopyBucket.Bi5Path"/> (<c>EURUSD/2024/02/04/14h_ticks.bi5</c>, month
    /// zero-based), LZMA bi5 for trading hours, 0 bytes for closed hours (what Dukascopy serves), and no file
    /// for the injected missing hours; then <c>simulation.json</c> at the root with the options and the
    /// ground truth. Hours are generated and encoded in parallel (<see cref="MarketSimulatorOptions.MaxDegreeOfParallelism"/>).
    /// <para>
    /// Each write goes to a hidden temporary file in the target folder and is renamed into place, so no
    /// reader ever sees a partial file (atomic, though not flushed to disk). Re-running with the same options
    /// leaves files that already hold the right ticks untouched (checked by decoding them, which costs far
    /// less than encoding). The ticks are the same on every machine; the compressed bytes are the same
    /// wherever the same LZMA encoder is used (liblzma, or the managed one where liblzma does not load). Files of other symbols or hours already in the folder are left alone,
    /// but a file at a missing hour's path is deleted so the mirror matches its ground truth.
    /// </para>
    /// </summary>
    /// <param name="mirrorRoot">The folder to write (created if needed).</param>
    /// <param name="progress">Told after each hour; called from worker threads.</param>
    /// <param name="cancellationToken">Stops the run between hours; files already renamed into place stay.</param>
    public async Task<MirrorWriteResult> WriteMirrorAsync(
        string mirrorRoot, IProgress<MirrorProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mirrorRoot);
        var root = Path.GetFullPath(mirrorRoot);
        Directory.CreateDirectory(root);
        var total = _plans.Length * HourCount;
        var bytesBySymbol = new long[_plans.Length];
        long ticks = 0, bytes = 0;
        int done = 0, written = 0, unchanged = 0, removed = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, total), parallel, (item, _) =>
        {
            var symbolIndex = item / HourCount;
            var plan = _plans[symbolIndex];
            var hourIndex = item % HourCount;
            var bucket = new DukascopyBucket(plan.Instrument, BucketKind.TickHour, StartUtc.AddHours(hourIndex));
            var path = Path.Combine(root, bucket.Bi5Path);
            var status = plan.Hours[hourIndex].Status;
            if (status == HourStatus.Missing)
            {
                if (File.Exists(path))
                {
                    File.Delete(path);
                    Interlocked.Increment(ref removed);
                }
            }
            else
            {
                var records = status == HourStatus.Closed ? [] : ToRecords(Generate(plan, hourIndex));
                var (wrote, length) = WriteHour(path, records);
                if (wrote)
                {
                    Interlocked.Increment(ref written);
                }
                else
                {
                    Interlocked.Increment(ref unchanged);
                }
                Interlocked.Add(ref bytesBySymbol[symbolIndex], length);
                Interlocked.Add(ref bytes, length);
                Interlocked.Add(ref ticks, records.Length);
            }
            progress?.Report(new MirrorProgress(
                Interlocked.Increment(ref done), total, Interlocked.Read(ref ticks), Interlocked.Read(ref bytes)));
            return ValueTask.CompletedTask;
        });

        var bySymbol = _plans.Select((p, i) => (p.Instrument.Symbol, Bytes: bytesBySymbol[i]))
            .ToDictionary(x => x.Symbol, x => x.Bytes, StringComparer.Ordinal);
        WriteIfChanged(Path.Combine(root, SimulationJson.FileName), SimulationJson.Write(Manifest, bySymbol));
        return new MirrorWriteResult(root, written, unchanged, removed, ticks, bytes, bySymbol, Manifest);
    }

    /// <summary>The hour's ticks as bi5 records (points and milliseconds; exact, since prices are on the point grid).</summary>
    private static Bi5Tick[] ToRecords(SimulatedHour hour)
    {
        var c = hour.Ticks;
        var records = new Bi5Tick[c.Count];
        var instrument = hour.Instrument;
        var hourMicros = TickTime.ToMicros(hour.HourStartUtc);
        for (var i = 0; i < records.Length; i++)
        {
            records[i] = new Bi5Tick(
                (uint)((c.Timestamps[i] - hourMicros) / TickTime.MicrosPerMilli),
                instrument.ToPoints(c.Asks[i]),
                instrument.ToPoints(c.Bids[i]),
                c.AskVolumes[i],
                c.BidVolumes[i]);
        }
        return records;
    }

    /// <summary>
    /// Makes the file at <paramref name="path"/> hold <paramref name="records"/>. A file that already decodes to
    /// exactly these records is left alone: decoding is far cheaper than LZMA encoding, and it also accepts a
    /// file another encoder wrote. Returns whether it wrote, and the file's length.
    /// </summary>
    private static (bool Wrote, long Length) WriteHour(string path, Bi5Tick[] records)
    {
        var existing = new FileInfo(path);
        if (existing.Exists && records.Length > 0 && existing.Length > 0 && HoldsRecords(path, records))
        {
            return (false, existing.Length);
        }
        var payload = Bi5TickCodec.Encode(records);
        return (WriteIfChanged(path, payload), payload.Length);
    }

    private static bool HoldsRecords(string path, Bi5Tick[] records)
    {
        try
        {
            return Bi5TickCodec.Decode(File.ReadAllBytes(path)).AsSpan().SequenceEqual(records);
        }
        catch (MarketDataException)
        {
            // Damaged (truncated, not LZMA, bad records): rewritten below.
            return false;
        }
    }

    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/> through a temporary file and a rename,
    /// unless the file already holds exactly these bytes. Returns true when it wrote.</summary>
    private static bool WriteIfChanged(string path, byte[] bytes)
    {
        var existing = new FileInfo(path);
        if (existing.Exists && existing.Length == bytes.Length
            && (bytes.Length == 0 || File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes)))
        {
            return false;
        }
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        // Hidden and unmistakable, so a reader listing *.bi5 never picks it up.
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return true;
    }
}

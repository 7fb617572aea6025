using TickKernelExtensions.Market;

namespace TickKernelExtensions.Columnar;

/// <summary>The partition files of a transaction: opening, finishing, and cleaning up after an abort.</summary>
public sealed partial class TickDatasetWriter
{
    private async ValueTask<PartitionFileWriter> PartitionAsync(string symbol, SymbolState state, long day, CancellationToken cancellationToken)
    {
        if (state.Open is { } current)
        {
            if (current.Day == day)
            {
                _open.Remove(current);
                _open.Add(current);
                return current;
            }
            // The symbol's ticks moved past this day: its file is done.
            await FinishAsync(current, cancellationToken);
        }
        var date = HivePath.DateOfDay(day);
        if (state.FinishedDays.Contains(day))
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"More ticks of {symbol} for {HivePath.FormatDate(date)} arrived after its partition file was finished to keep at most " +
                $"{_dataset.Options.MaxOpenPartitions} files open. Raise {nameof(TickParquetOptions)}.{nameof(TickParquetOptions.MaxOpenPartitions)} " +
                "or group the input by symbol.")
            {
                File = SourceId,
                Field = TickParquetSchema.Symbol,
                Actual = symbol,
            };
        }
        if (_open.Count >= _dataset.Options.MaxOpenPartitions)
        {
            await FinishAsync(_open[0], cancellationToken);
        }
        var directory = CreateDirectory(symbol, date);
        var partition = await PartitionFileWriter.OpenAsync(symbol, day, directory, FileName, _transaction, _dataset.Options, cancellationToken);
        _open.Add(partition);
        state.Open = partition;
        return partition;
    }

    private async ValueTask FinishAsync(PartitionFileWriter partition, CancellationToken cancellationToken)
    {
        _open.Remove(partition);
        var state = _symbols[partition.Symbol];
        state.Open = null;
        state.FinishedDays.Add(partition.Day);
        // From here the temp file is ours to delete, whether finishing succeeds or not.
        _stagedTempPaths[partition.FinalPath] = partition.TempPath;
        var bytes = await partition.FinishAsync(cancellationToken);
        var date = HivePath.DateOfDay(partition.Day);
        _staged.Add(new TickPartitionFile(partition.Symbol, date, partition.FinalPath,
            HivePath.RelativePath(partition.Symbol, date, FileName), partition.Rows, partition.MinTimestamp, partition.MaxTimestamp, bytes));
    }

    /// <summary>Creates the partition directory, remembering each level that did not exist so an abort can remove it.</summary>
    private string CreateDirectory(string symbol, DateOnly date)
    {
        var directory = HivePath.PartitionDirectory(_dataset.Root, symbol, date);
        var missing = new Stack<string>();
        for (var d = directory; d is not null && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            missing.Push(d);
        }
        foreach (var d in missing)
        {
            Directory.CreateDirectory(d);
            _createdDirectories.Add(d);
        }
        return directory;
    }

    /// <summary>Partition directories holding renamed files, plus the parent of every directory created here.</summary>
    private IEnumerable<string> DirectoriesToFlush(IEnumerable<TickPartitionFile> files) =>
        files.Select(f => Path.GetDirectoryName(f.Path)!)
            .Concat(_createdDirectories.Select(d => Path.GetDirectoryName(d)!))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d.Length);

    private void RemoveStagedFiles()
    {
        // Cleanup must not throw over the error that caused the abort. A temp file that cannot be
        // deleted is still hidden from readers by its leading '.'.
        foreach (var temp in _stagedTempPaths.Values)
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        _stagedTempPaths.Clear();
        for (var i = _createdDirectories.Count - 1; i >= 0; i--)
        {
            var directory = _createdDirectories[i];
            try
            {
                if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
            catch (IOException)
            {
                // Another writer put something there meanwhile: the directory is theirs now.
            }
        }
    }
}

namespace TickKernelExtensions.Columnar;

/// <summary>
/// The typed tick storage: Parquet files (schema <see cref="TickParquetSchema"/>) under a root
/// directory in the Hive layout <c>symbol=EURUSD/date=2019-02-04/&lt;sourceId&gt;.parquet</c>, the date being
/// the ticks' UTC date. Each source (a CSV file, a download batch) writes one file per partition it
/// touches, named after the source, so re-importing a source replaces its files instead of adding
/// duplicates. Writes go through <see cref="BeginWrite"/>; readers (DuckDB with
/// <c>hive_partitioning=true</c>, Spark, Iceberg registration) only ever see committed files.
/// </summary>
public sealed class TickParquetDataset
{
    /// <summary>A dataset under <paramref name="root"/> (created on the first commit).</summary>
    public TickParquetDataset(string root, TickParquetOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        Options = options ?? TickParquetOptions.Default;
        Options.Validate();
        Root = Path.GetFullPath(root);
    }

    /// <summary>Absolute root directory.</summary>
    public string Root { get; }

    /// <summary>Options of every file written here.</summary>
    public TickParquetOptions Options { get; }

    /// <summary>
    /// Starts a write transaction for one source. Its files become visible only at
    /// <see cref="TickDatasetWriter.CommitAsync"/>; disposing without committing removes them.
    /// </summary>
    /// <param name="sourceId">Names the files: <c>&lt;sourceId&gt;.parquet</c> in each partition (letters, digits, '.', '-', '_').</param>
    public TickDatasetWriter BeginWrite(string sourceId)
    {
        HivePath.ValidateName(sourceId, "sourceId", null);
        return new TickDatasetWriter(this, sourceId);
    }

    /// <summary>The partition directory of a symbol and UTC date (whether or not it exists).</summary>
    public string PartitionDirectory(string symbol, DateOnly date)
    {
        HivePath.ValidateName(symbol, "symbol", null);
        return HivePath.PartitionDirectory(Root, symbol, date);
    }

    /// <summary>The file a source writes for a symbol and UTC date (whether or not it exists).</summary>
    public string FileOf(string symbol, DateOnly date, string sourceId)
    {
        HivePath.ValidateName(sourceId, "sourceId", null);
        return Path.Combine(PartitionDirectory(symbol, date), sourceId + HivePath.Extension);
    }

    /// <summary>Existing partitions, ordered by symbol then date; only those of <paramref name="symbol"/> when given.</summary>
    public IReadOnlyList<TickPartition> ListPartitions(string? symbol = null)
    {
        var partitions = new List<TickPartition>();
        if (!Directory.Exists(Root))
        {
            return partitions;
        }
        foreach (var symbolDirectory in Directory.EnumerateDirectories(Root))
        {
            if (!HivePath.TryValue(Path.GetFileName(symbolDirectory), HivePath.SymbolKey, out var name)
                || (symbol is not null && !string.Equals(name, symbol, StringComparison.Ordinal)))
            {
                continue;
            }
            foreach (var dateDirectory in Directory.EnumerateDirectories(symbolDirectory))
            {
                if (HivePath.TryDate(Path.GetFileName(dateDirectory), out var date))
                {
                    partitions.Add(new TickPartition(name, date, dateDirectory));
                }
            }
        }
        partitions.Sort((a, b) =>
        {
            var bySymbol = string.CompareOrdinal(a.Symbol, b.Symbol);
            return bySymbol != 0 ? bySymbol : a.Date.CompareTo(b.Date);
        });
        return partitions;
    }

    /// <summary>
    /// Committed Parquet files, ordered by symbol, date, then name; only those of
    /// <paramref name="symbol"/> when given. Hidden files (names starting with '.' or '_') are skipped.
    /// </summary>
    public IReadOnlyList<TickDatasetFile> ListFiles(string? symbol = null)
    {
        var files = new List<TickDatasetFile>();
        foreach (var partition in ListPartitions(symbol))
        {
            var names = Directory.EnumerateFiles(partition.Directory, "*" + HivePath.Extension)
                .Select(Path.GetFileName)
                .OfType<string>()
                .Where(n => n.EndsWith(HivePath.Extension, StringComparison.Ordinal) && n[0] is not ('.' or '_'))
                .Order(StringComparer.Ordinal);
            foreach (var name in names)
            {
                var path = Path.Combine(partition.Directory, name);
                files.Add(new TickDatasetFile(partition.Symbol, partition.Date, path,
                    HivePath.RelativePath(partition.Symbol, partition.Date, name), new FileInfo(path).Length));
            }
        }
        return files;
    }
}

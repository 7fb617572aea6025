namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// The columnar output of a <see cref="FeatureSetCalculator"/>: one row per bar, stamped with the bar's open time
/// (its label) and close time (when the values become known: every value of a row uses only bars closed at or
/// before it), and the <see cref="Definition"/> that produced it, to be stored with the table. Not thread safe.
/// </summary>
public sealed class FeatureTable
{
    private long[] _openTimes;
    private long[] _closeTimes;
    private readonly double[][] _columns;
    private readonly Dictionary<string, int> _index;

    /// <summary>Creates an empty table for the columns of <paramref name="definition"/>.</summary>
    public FeatureTable(FeatureSetDefinition definition, IReadOnlyList<string> columns, int capacity = 1024)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Definition = definition;
        ColumnNames = [.. columns];
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < ColumnNames.Count; i++)
        {
            if (!_index.TryAdd(ColumnNames[i], i))
            {
                throw new ArgumentException($"Feature column '{ColumnNames[i]}' appears twice in '{definition.Name}'.", nameof(columns));
            }
        }
        _openTimes = new long[capacity];
        _closeTimes = new long[capacity];
        _columns = new double[ColumnNames.Count][];
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c] = new double[capacity];
        }
    }

    /// <summary>The definition that produced the table.</summary>
    public FeatureSetDefinition Definition { get; }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> ColumnNames { get; }

    /// <summary>Number of rows.</summary>
    public int Count { get; private set; }

    /// <summary>The bars' open times (labels), UTC µs.</summary>
    public ReadOnlySpan<long> OpenTimes => _openTimes.AsSpan(0, Count);

    /// <summary>The bars' close times (when each row is known), UTC µs.</summary>
    public ReadOnlySpan<long> CloseTimes => _closeTimes.AsSpan(0, Count);

    /// <summary>Column <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Column(int index) => _columns[index].AsSpan(0, Count);

    /// <summary>The column named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the ones there are.</exception>
    public ReadOnlySpan<double> Column(string name) => _index.TryGetValue(name, out var i)
        ? Column(i)
        : throw new KeyNotFoundException($"No feature column '{name}'; columns: {string.Join(", ", ColumnNames)}.");

    /// <summary>Appends one row; <paramref name="values"/> holds one value per column.</summary>
    public void AddRow(long openTime, long closeTime, ReadOnlySpan<double> values)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(values.Length, _columns.Length, nameof(values));
        var i = Count;
        if (i == _openTimes.Length)
        {
            var size = Math.Max(16, i * 2);
            Array.Resize(ref _openTimes, size);
            Array.Resize(ref _closeTimes, size);
            for (var c = 0; c < _columns.Length; c++)
            {
                Array.Resize(ref _columns[c], size);
            }
        }
        _openTimes[i] = openTime;
        _closeTimes[i] = closeTime;
        for (var c = 0; c < _columns.Length; c++)
        {
            _columns[c][i] = values[c];
        }
        Count = i + 1;
    }

    /// <summary>Empties the table, keeping its memory.</summary>
    public void Clear() => Count = 0;
}

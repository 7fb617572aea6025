using TickKernelExtensions.Market;
using TickKernelExtensions.Processing.Bars;

namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// Computes a <see cref="FeatureSetDefinition"/> bar by bar for ONE instrument (the state is per series: use one
/// calculator per symbol, see <see cref="FeatureCalculators"/>). Offline, <see cref="Append"/> adds a row per bar to
/// a <see cref="FeatureTable"/>; in a serving host, <see cref="Update"/> takes one streamed bar and fills one row.
/// Both run the same code, so a stream fed the same bars gives bit-identical values. Every feature is causal: a
/// row depends only on its bar and earlier ones. Bars must arrive in close-time order. Not thread safe.
/// </summary>
public sealed class FeatureSetCalculator
{
    private readonly IBarFeature[] _features;
    private readonly int[] _offsets;
    private long _lastClose = long.MinValue;

    /// <summary>Builds fresh feature state for <paramref name="definition"/>.</summary>
    /// <exception cref="MarketDataException">InvalidOptions listing every bad feature spec.</exception>
    public FeatureSetCalculator(FeatureSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var errors = new List<string>();
        var features = new List<IBarFeature>();
        foreach (var spec in definition.Features)
        {
            if (FeatureFactory.TryCreate(spec, errors) is { } feature)
            {
                features.Add(feature);
            }
        }
        var columns = features.SelectMany(f => f.Columns).ToList();
        foreach (var duplicate in columns.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"column '{duplicate.Key}' is produced twice");
        }
        if (errors.Count > 0)
        {
            throw new MarketDataException(MarketDataErrorKind.InvalidOptions,
                $"Invalid feature set '{definition.Name}' v{definition.Version}: {string.Join("; ", errors)}.");
        }
        Definition = definition;
        _features = [.. features];
        _offsets = new int[_features.Length];
        for (var i = 1; i < _features.Length; i++)
        {
            _offsets[i] = _offsets[i - 1] + _features[i - 1].Columns.Count;
        }
        Columns = columns;
        WarmUpBars = _features.Length == 0 ? 0 : _features.Max(f => f.WarmUpBars);
    }

    /// <summary>The definition computed.</summary>
    public FeatureSetDefinition Definition { get; }

    /// <summary>Output column names, in row order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Bars consumed before every column can be non-NaN (the longest warm-up).</summary>
    public int WarmUpBars { get; }

    /// <summary>A new empty table with this calculator's definition and columns.</summary>
    public FeatureTable CreateTable(int capacity = 1024) => new(Definition, Columns, capacity);

    /// <summary>Consumes one bar and writes its row (<see cref="Columns"/>.Count values) into <paramref name="row"/>.</summary>
    /// <exception cref="ArgumentException">The bar closes before the previous one, or the row is too short.</exception>
    public void Update(in Bar bar, Span<double> row)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(row.Length, Columns.Count, nameof(row));
        if (bar.CloseTime < _lastClose)
        {
            throw new ArgumentException(
                $"Bar closing at {TickTime.FromMicros(bar.CloseTime):O} arrived after one closing at {TickTime.FromMicros(_lastClose):O}.", nameof(bar));
        }
        _lastClose = bar.CloseTime;
        for (var i = 0; i < _features.Length; i++)
        {
            _features[i].Update(bar, row.Slice(_offsets[i], _features[i].Columns.Count));
        }
    }

    /// <summary>Consumes every bar of <paramref name="bars"/> and appends one row each to <paramref name="table"/>.</summary>
    public int Append(BarColumns bars, FeatureTable table)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(table);
        if (!table.ColumnNames.SequenceEqual(Columns, StringComparer.Ordinal))
        {
            throw new ArgumentException("The table's columns are not this calculator's columns.", nameof(table));
        }
        Span<double> row = Columns.Count <= 256 ? stackalloc double[Columns.Count] : new double[Columns.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            Update(bar, row);
            table.AddRow(bar.OpenTime, bar.CloseTime, row);
        }
        return bars.Count;
    }

    /// <summary>Forgets all state of every feature.</summary>
    public void Reset()
    {
        foreach (var f in _features)
        {
            f.Reset();
        }
        _lastClose = long.MinValue;
    }
}

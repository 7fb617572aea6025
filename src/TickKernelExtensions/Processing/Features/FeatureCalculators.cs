namespace TickKernelExtensions.Processing.Features;

/// <summary>
/// One <see cref="FeatureSetCalculator"/> per symbol for a single definition, created on first use: the per-symbol
/// state a serving host (or a multi-symbol batch) needs. Symbols compare ordinally. Not thread safe.
/// </summary>
public sealed class FeatureCalculators
{
    private readonly Dictionary<string, FeatureSetCalculator> _bySymbol = new(StringComparer.Ordinal);

    /// <summary>Validates <paramref name="definition"/> once (by building a calculator) and keeps it.</summary>
    public FeatureCalculators(FeatureSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Columns = new FeatureSetCalculator(definition).Columns;
        Definition = definition;
    }

    /// <summary>The definition every calculator computes.</summary>
    public FeatureSetDefinition Definition { get; }

    /// <summary>Output column names.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Symbols seen so far.</summary>
    public IReadOnlyCollection<string> Symbols => _bySymbol.Keys;

    /// <summary>The calculator holding <paramref name="symbol"/>'s state, created fresh the first time.</summary>
    public FeatureSetCalculator For(string symbol)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        if (!_bySymbol.TryGetValue(symbol, out var calculator))
        {
            calculator = new FeatureSetCalculator(Definition);
            _bySymbol.Add(symbol, calculator);
        }
        return calculator;
    }
}

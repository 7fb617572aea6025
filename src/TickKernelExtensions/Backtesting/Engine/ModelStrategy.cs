using TickKernelExtensions.Market;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Online;
using TickKernelExtensions.Modeling.Signals;
using TickKernelExtensions.Processing.Bars;
using TickKernelExtensions.Processing.Features;

namespace TickKernelExtensions.Backtesting.Engine;

/// <summary>
/// A model in the loop, bar by bar, by the same code the serving host runs: the engine builds bars from the ticks as
/// they arrive (<see cref="TimeBarBuilder"/>) and each closed bar goes through a <see cref="BarScorer"/> (the bundle's
/// feature set updated by a <see cref="FeatureSetCalculator"/>, the inputs scored, the score turned into a
/// <see cref="TradeSignal"/>: time = the clock, expiry = clock + <see cref="ModelStrategyOptions.SignalLifetime"/>),
/// which <see cref="SignalTrading"/> turns into orders.
/// Warm-up rows (a NaN or infinite input) produce no signal, as they produce no training sample.
/// </summary>
public sealed class ModelStrategy : BacktestStrategy
{
    private readonly ModelBundle _bundle;
    private readonly ModelStrategyOptions _options;
    private readonly List<TradeSignal> _signals = [];
    private readonly BarScorer _scorer;
    private string _symbol = "";

    /// <summary>Checks that the bundle can be computed here (see <see cref="CheckCompatible"/>) and the options.</summary>
    /// <exception cref="BacktestException">ModelMismatch naming the feature, expected and actual; InvalidOptions.</exception>
    public ModelStrategy(ModelBundle bundle, ModelStrategyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        _options = options ?? new ModelStrategyOptions();
        _options.Validate();
        CheckCompatible(bundle.FeatureSet, bundle.FeatureSetColumns, bundle.Signature, _options.ExpectedFeatureSet);
        _bundle = bundle;
        _scorer = new BarScorer(bundle, _options.SignalLifetime);
    }

    /// <inheritdoc />
    public override StrategyFeed Feed => StrategyFeed.Bars;

    /// <inheritdoc />
    public override TimeBarOptions BarOptions => _options.Bars;

    /// <summary>Signals produced so far (when <see cref="ModelStrategyOptions.KeepSignals"/>).</summary>
    public IReadOnlyList<TradeSignal> Signals => _signals;

    /// <summary>Bars scored.</summary>
    public int Scored => _scorer.Scored;

    /// <summary>Bars skipped because an input was NaN (warm-up).</summary>
    public int WarmUp => _scorer.WarmUp;

    /// <summary>Signals that produced orders.</summary>
    public int Acted { get; private set; }

    /// <summary>
    /// Refuses a bundle whose feature set this code computes differently (other columns or order), whose signature
    /// reads a column the feature set does not compute, or whose feature set is not <paramref name="expected"/>.
    /// </summary>
    /// <exception cref="BacktestException">ModelMismatch.</exception>
    public static void CheckCompatible(FeatureSetDefinition featureSet, IReadOnlyList<string> featureSetColumns, ModelSignature signature, FeatureSetDefinition? expected = null)
    {
        ArgumentNullException.ThrowIfNull(featureSet);
        ArgumentNullException.ThrowIfNull(featureSetColumns);
        ArgumentNullException.ThrowIfNull(signature);
        var name = $"'{featureSet.Name}' v{featureSet.Version}";
        if (expected is not null && expected.ContentHash != featureSet.ContentHash)
        {
            throw new BacktestException(BacktestErrorKind.ModelMismatch,
                $"The model was trained on feature set {name}, not on the feature set this backtest computes: its inputs would mean something else here.")
            {
                Field = "FeatureSet",
                Expected = $"'{expected.Name}' v{expected.Version} ({expected.ContentHash[..12]})",
                Actual = $"{name} ({featureSet.ContentHash[..12]})",
            };
        }
        IReadOnlyList<string> computed;
        try
        {
            computed = new FeatureSetCalculator(featureSet).Columns;
        }
        catch (MarketDataException e)
        {
            throw new BacktestException(BacktestErrorKind.ModelMismatch, $"The model's feature set {name} cannot be computed here: {e.Message}", e) { Field = "FeatureSet" };
        }
        for (var i = 0; i < Math.Max(computed.Count, featureSetColumns.Count); i++)
        {
            var want = i < featureSetColumns.Count ? featureSetColumns[i] : "(none)";
            var have = i < computed.Count ? computed[i] : "(none)";
            if (!string.Equals(want, have, StringComparison.Ordinal))
            {
                throw new BacktestException(BacktestErrorKind.ModelMismatch,
                    $"Feature set {name} computes other columns here than the model was trained with (column {i}).")
                { Field = "FeatureSetColumns", Expected = want, Actual = have };
            }
        }
        foreach (var input in signature.InputColumns)
        {
            if (!computed.Contains(input, StringComparer.Ordinal))
            {
                throw new BacktestException(BacktestErrorKind.ModelMismatch,
                    $"The model reads input '{input}', which feature set {name} does not compute.")
                { Field = input, Expected = $"one of {string.Join(", ", computed)}", Actual = input };
            }
        }
    }

    /// <inheritdoc />
    public override void OnStart(BacktestStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        _symbol = start.Symbol;
        _scorer.Reset();
        _signals.Clear();
        Acted = 0;
    }

    /// <inheritdoc />
    public override void OnBar(in Bar bar, in TickWindow window, Account account, OrderList orders)
    {
        if (!_scorer.TryScore(_symbol, bar, window.Time, out var signal))
        {
            return;
        }
        if (_options.KeepSignals)
        {
            _signals.Add(signal);
        }
        if (_options.Trading.Apply(signal, account, orders))
        {
            Acted++;
        }
    }
}

using System.Globalization;
using TickKernelExtensions.Market;

namespace TickKernelExtensions.Modeling.Labels;

/// <summary>
/// Meta-labels (AFML ch. 3.6): a primary model gives the side; the meta-label says whether acting on it paid,
/// 1 when the side's bid/ask-correct triple-barrier return exceeds a minimum (default 0), else 0. A secondary
/// binary classifier trained on them decides whether to act and sizes by its probability. Thread safe.
/// </summary>
public static class MetaLabeler
{
    /// <summary>
    /// Runs <see cref="TripleBarrierLabeler.Label"/> for the primary sides and returns its labels with the meta-labels.
    /// </summary>
    public static (TripleBarrierLabels Outcomes, byte[] MetaLabels) Label(TickColumns ticks, ReadOnlySpan<long> eventTimes,
        ReadOnlySpan<TradeSide> primarySides, ReadOnlySpan<double> targets, TripleBarrierOptions options, double minReturn = 0)
    {
        var outcomes = TripleBarrierLabeler.Label(ticks, eventTimes, primarySides, targets, options);
        return (outcomes, FromOutcomes(outcomes, minReturn));
    }

    /// <summary>1 for each event whose realised side return exceeds <paramref name="minReturn"/>, else 0.</summary>
    public static byte[] FromOutcomes(TripleBarrierLabels outcomes, double minReturn = 0)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (!double.IsFinite(minReturn))
        {
            throw new ModelingException(ModelingErrorKind.InvalidOptions, "The meta-label threshold must be finite.")
            {
                Field = nameof(minReturn),
                Expected = "a finite return",
                Actual = minReturn.ToString(CultureInfo.InvariantCulture),
            };
        }
        var meta = new byte[outcomes.Count];
        ReadOnlySpan<double> returns = outcomes.Returns;
        for (var i = 0; i < meta.Length; i++)
        {
            meta[i] = returns[i] > minReturn ? (byte)1 : (byte)0;
        }
        return meta;
    }
}

using Microsoft.Data.Analysis;

namespace TickKernelExtensions.Modeling.Signals;

/// <summary>Signals as a table, for notebooks.</summary>
public static class TradeSignalFrame
{
    /// <summary>One row per signal, in the given order: time (UTC), symbol, action, confidence, anomaly score, expiry, model and version.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<TradeSignal> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        var rows = signals.ToList();
        return new DataFrame(
            new PrimitiveDataFrameColumn<DateTime>("time", rows.Select(s => s.Time)),
            new StringDataFrameColumn("symbol", rows.Select(s => s.Symbol)),
            new StringDataFrameColumn("action", rows.Select(s => s.Action.ToString().ToLowerInvariant())),
            new PrimitiveDataFrameColumn<double>("confidence", rows.Select(s => Math.Round(s.Confidence, 4))),
            new PrimitiveDataFrameColumn<double>("anomaly_score", rows.Select(s => Math.Round(s.AnomalyScore, 4))),
            new PrimitiveDataFrameColumn<DateTime>("expiry", rows.Select(s => s.Expiry)),
            new StringDataFrameColumn("model", rows.Select(s => $"{s.ModelName} v{s.ModelVersion}")));
    }
}

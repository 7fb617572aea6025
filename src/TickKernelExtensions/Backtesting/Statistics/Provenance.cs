namespace TickKernelExtensions.Backtesting.Statistics;

/// <summary>
/// What a report was computed from, as hashes the caller supplies (hex SHA-256 is the convention; any stable
/// identifier works): the data (e.g. the dataset versions' content hashes or a hash of the ticks), the backtest
/// configuration (<see cref="ProvenanceHash.OfConfiguration"/>) and the model (e.g. a model bundle's content hash).
/// Two reports with equal provenance must be byte-identical.
/// </summary>
/// <param name="DataHash">Hash of the input data.</param>
/// <param name="ConfigHash">Hash of the backtest configuration.</param>
/// <param name="ModelHash">Hash of the model (or of the rule set, for a strategy without a model).</param>
public sealed record Provenance(string DataHash, string ConfigHash, string ModelHash)
{
    /// <summary>Every hash must be given: a report that cannot say what it was computed from cannot be reproduced.</summary>
    /// <exception cref="StatisticsException">InvalidInput naming the first empty hash.</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[] { (nameof(DataHash), DataHash), (nameof(ConfigHash), ConfigHash), (nameof(ModelHash), ModelHash) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                throw StatisticsException.Input("A report must carry the hashes of its data, configuration and model.",
                    $"provenance.{name}", "a non-empty hash", value is null ? "null" : $"'{value}'");
            }
        }
    }
}

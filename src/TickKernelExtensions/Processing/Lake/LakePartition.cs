namespace TickKernelExtensions.Processing.Lake;

/// <summary>One partition of a tick or bar table: a symbol's UTC day (<c>identity(symbol), day(ts)</c>).</summary>
public sealed record LakePartition(string Symbol, DateOnly Day)
{
    /// <inheritdoc />
    public override string ToString() => $"{Symbol} {Day:yyyy-MM-dd}";
}

using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>The result of <see cref="IDukascopyFeed.Check"/>: a state, the record count, and for bad payloads the reason.</summary>
public readonly record struct PayloadCheck(PayloadState State, int Records, MarketDataException? Error)
{
    public static PayloadCheck Good(int records) => new(PayloadState.Good, records, null);

    public static PayloadCheck Empty { get; } = new(PayloadState.Empty, 0, null);

    public static PayloadCheck Bad(MarketDataException error) => new(PayloadState.Bad, 0, error);
}

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// One raw record of a bi5 tick file, exactly as stored (see <see cref="Bi5TickCodec"/> for the byte layout).
/// Prices are integer points (<c>price = points / Instrument.DecimalFactor</c>); volumes are float32 in millions
/// of base units, kept bit for bit.
/// </summary>
/// <param name="MillisecondOffset">Milliseconds since the start of the file's UTC hour (0 … 3,599,999).</param>
/// <param name="AskPoints">Ask price in points (stored before the bid).</param>
/// <param name="BidPoints">Bid price in points.</param>
/// <param name="AskVolume">Ask volume, millions of base units.</param>
/// <param name="BidVolume">Bid volume, millions of base units.</param>
public readonly record struct Bi5Tick(uint MillisecondOffset, uint AskPoints, uint BidPoints, float AskVolume, float BidVolume);

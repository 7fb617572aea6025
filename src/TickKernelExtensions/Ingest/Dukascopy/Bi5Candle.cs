namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// One raw record of a bi5 candle file, exactly as stored (see <see cref="Bi5CandleCodec"/> for the byte layout,
/// whose order is open, close, low, high). Prices are integer points; the volume is float32 in millions of base
/// units. Candle files are dense: non-trading periods are flat candles with volume 0.
/// </summary>
/// <param name="SecondOffset">Seconds since the start of the file (its day for m1, month for h1, year for d1).</param>
/// <param name="Open">Open price in points.</param>
/// <param name="Close">Close price in points.</param>
/// <param name="Low">Low price in points.</param>
/// <param name="High">High price in points.</param>
/// <param name="Volume">Volume, millions of base units.</param>
public readonly record struct Bi5Candle(uint SecondOffset, uint Open, uint Close, uint Low, uint High, float Volume);

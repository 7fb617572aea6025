namespace TickKernelExtensions.Ingest.Csv;

/// <summary>The tick CSV formats <see cref="CsvTickReader"/> reads.</summary>
public enum CsvTickFormat
{
    /// <summary>Recognise the format from the header, the first data line's shape, zip magic and the file name.</summary>
    Auto,

    /// <summary>
    /// Dukascopy web / JForex export: header <c>Gmt time,Ask,Bid,AskVolume,BidVolume</c> (or <c>Local time</c>,
    /// <c>Time (UTC)</c> …), time <c>dd.MM.yyyy HH:mm:ss.fff</c> with an optional <c> GMT+0100</c> suffix,
    /// ask before bid, volumes in millions.
    /// </summary>
    Dukascopy,

    /// <summary>dukascopy-node CSV ticks: header <c>timestamp,askPrice,bidPrice[,askVolume,bidVolume]</c>, epoch ms UTC.</summary>
    DukascopyNode,

    /// <summary>
    /// MT5 Symbols → Ticks → Export: tab-separated <c>&lt;DATE&gt; &lt;TIME&gt; &lt;BID&gt; &lt;ASK&gt; &lt;LAST&gt; &lt;VOLUME&gt; &lt;FLAGS&gt;</c>
    /// in broker server time (the clock must be given in the options).
    /// </summary>
    Mt5,

    /// <summary>
    /// HistData.com ASCII ticks: no header, <c>yyyyMMdd HHmmssfff,bid,ask,volume</c>, EST without DST (UTC-5).
    /// The volume column (nearly always 0, sometimes int32 max) is not a quote volume: volumes are NaN.
    /// </summary>
    HistData,

    /// <summary>
    /// QuantConnect LEAN forex ticks: <c>YYYYMMDD_quote.zip</c> holding <c>YYYYMMDD_{sym}_tick_quote.csv</c>, rows
    /// <c>msSinceMidnight,bid,ask</c>, UTC unless the options give another clock (FXCM: UTC-5).
    /// </summary>
    Lean,
}

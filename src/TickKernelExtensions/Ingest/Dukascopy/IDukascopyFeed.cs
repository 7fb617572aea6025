using TickKernelExtensions.Market;

namespace TickKernelExtensions.Ingest.Dukascopy;

/// <summary>
/// One Dukascopy feed (the legacy bi5 datafeed or the JSON API) behind one interface: where a bucket
/// lives, where its bytes go in the raw zone, and how to tell good bytes from bad.
/// </summary>
public interface IDukascopyFeed
{
    /// <summary>The raw-zone folder of this feed, e.g. <c>dukascopy-bi5</c>.</summary>
    string SourceName { get; }

    /// <summary>The feed's root URL (<c>https://</c>, <c>http://</c> or <c>file://</c>), ending in a slash.</summary>
    Uri BaseUri { get; }

    /// <summary>The URL of a bucket.</summary>
    Uri UrlOf(DukascopyBucket bucket);

    /// <summary>The bucket's path in the raw zone, below <see cref="SourceName"/>.</summary>
    string RawPathOf(DukascopyBucket bucket);

    /// <summary>Decodes and validates a body without keeping anything. Thread safe.</summary>
    PayloadCheck Check(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickValidationOptions validation);

    /// <summary>Decodes a tick bucket's bytes and appends the ticks to <paramref name="target"/>; returns how many.</summary>
    int DecodeTicks(DukascopyBucket bucket, ReadOnlySpan<byte> body, TickColumns target);
}

namespace TickKernelExtensions.Ingest.Download;

/// <summary>Fetches one URL. Implementations throw on transport failures (timeouts, resets, truncated bodies).</summary>
public interface IFeedTransport
{
    /// <summary>GETs <paramref name="url"/> and reads the whole body.</summary>
    Task<FeedResponse> GetAsync(Uri url, CancellationToken cancellationToken);
}

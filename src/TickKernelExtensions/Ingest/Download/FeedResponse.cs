namespace TickKernelExtensions.Ingest.Download;

/// <summary>One answer from a feed: the HTTP status (200 or 404 for file mirrors), the body and its media type.</summary>
public sealed record FeedResponse(int Status, byte[] Body, string? ContentType, TimeSpan? RetryAfter = null);

using System.Net;
using System.Net.Http.Headers;

namespace TickKernelExtensions.Ingest.Download;

/// <summary>
/// The standard transport: <c>http://</c> and <c>https://</c> through <see cref="HttpClient"/>, and
/// <c>file://</c> mirrors read from disk (a missing file answers 404, as a web server would).
/// Bodies larger than <see cref="MaxBodyBytes"/> are refused so a misbehaving server cannot exhaust memory.
/// </summary>
public sealed class FeedTransport : IFeedTransport, IDisposable
{
    /// <summary>The largest body accepted (64 MiB; a Dukascopy hour is well under 1 MiB).</summary>
    public const int MaxBodyBytes = 64 * 1024 * 1024;

    private readonly HttpClient _http;
    private readonly bool _ownsClient;

    /// <summary>Uses <paramref name="http"/> (not disposed here) or a new client with a browser-like User-Agent.</summary>
    public FeedTransport(HttpClient? http = null)
    {
        _ownsClient = http is null;
        _http = http ?? CreateClient();
    }

    /// <inheritdoc />
    public async Task<FeedResponse> GetAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsFile)
        {
            return await ReadFileAsync(url.LocalPath, cancellationToken);
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var declared = response.Content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw new HttpRequestException($"{url}: body of {declared} bytes exceeds the {MaxBodyBytes}-byte limit.");
        }
        var body = await ReadBodyAsync(response.Content, cancellationToken);
        if (declared is { } expected && body.Length != expected)
        {
            throw new HttpRequestException($"{url}: body ended after {body.Length} of {expected} declared bytes.");
        }
        return new FeedResponse((int)response.StatusCode, body, response.Content.Headers.ContentType?.MediaType, RetryAfter(response.Headers.RetryAfter));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient)
        {
            _http.Dispose();
        }
    }

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate | DecompressionMethods.Brotli,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(15),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Mozilla/5.0 (compatible; TickKernelExtensions)");
        return client;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken ct)
    {
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new HttpRequestException($"Body exceeds the {MaxBodyBytes}-byte limit.");
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static async Task<FeedResponse> ReadFileAsync(string path, CancellationToken ct) =>
        File.Exists(path)
            ? new FeedResponse(200, await File.ReadAllBytesAsync(path, ct), "application/octet-stream")
            : new FeedResponse(404, [], null);

    // Only the delta form: the date form would need the wall clock, and servers here send seconds.
    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header?.Delta;
}

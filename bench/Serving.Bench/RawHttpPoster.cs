using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Serving.Bench;

/// <summary>Posts one tick body to <c>/v1/ticks</c> and returns the status code (0 when the transport failed).</summary>
internal interface ITickPoster : IDisposable
{
    Task<int> PostAsync(byte[] body);
}

/// <summary>
/// The load generator's default client: HTTP/1.1 over raw loopback sockets, as wrk does it. One request in flight per
/// connection (no pipelining), connections kept alive in a pool and opened when every pooled one is busy. The request
/// head is built once; a response is read to its end (Content-Length or chunked) before the connection is reused. On
/// 2 cores the generator shares the CPU with the server it measures, and HttpClient's per-request machinery (request
/// and response objects, header collections, handler pipeline) costs a good part of a core at these rates.
/// </summary>
internal sealed class RawHttpPoster : ITickPoster
{
    private readonly string _host;
    private readonly int _port;
    private readonly byte[] _head;
    private readonly ConcurrentBag<Connection> _idle = [];
    private readonly ConcurrentBag<Connection> _all = [];

    public RawHttpPoster(string url, string key)
    {
        var uri = new Uri(url);
        (_host, _port) = (uri.Host, uri.Port);
        _head = Encoding.ASCII.GetBytes($"POST /v1/ticks HTTP/1.1\r\nHost: {uri.Authority}\r\nX-Api-Key: {key}\r\nContent-Type: application/json\r\nContent-Length: ");
    }

    public async Task<int> PostAsync(byte[] body)
    {
        if (!_idle.TryTake(out var connection))
        {
            try
            {
                connection = await Connection.OpenAsync(_host, _port);
            }
            catch (SocketException)
            {
                return 0;
            }
            _all.Add(connection);
        }
        try
        {
            var (status, keepAlive) = await connection.PostAsync(_head, body);
            if (keepAlive)
            {
                _idle.Add(connection);
            }
            else
            {
                connection.Dispose();
            }
            return status;
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException or ObjectDisposedException)
        {
            connection.Dispose();
            return 0;
        }
    }

    public void Dispose()
    {
        foreach (var c in _all)
        {
            c.Dispose();
        }
    }

    private sealed class Connection(Socket socket) : IDisposable
    {
        private readonly byte[] _send = new byte[4096];
        private byte[] _receive = new byte[8192];
        private int _filled;

        public static async Task<Connection> OpenAsync(string host, int port)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(host, port);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
            return new Connection(socket);
        }

        public async Task<(int Status, bool KeepAlive)> PostAsync(byte[] head, byte[] body)
        {
            var total = head.Length + 20 + 4 + body.Length;
            var send = total <= _send.Length ? _send : new byte[total];
            head.CopyTo(send, 0);
            Utf8Formatter.TryFormat(body.Length, send.AsSpan(head.Length), out var digits);
            var at = head.Length + digits;
            total = at + 4 + body.Length;
            "\r\n\r\n"u8.CopyTo(send.AsSpan(at));
            body.CopyTo(send, at + 4);
            var sent = 0;
            while (sent < total)
            {
                sent += await socket.SendAsync(send.AsMemory(sent, total - sent), SocketFlags.None);
            }
            return await ReadResponseAsync();
        }

        // Status line and headers, then the body by Content-Length or chunked encoding; what is read is dropped.
        private async Task<(int Status, bool KeepAlive)> ReadResponseAsync()
        {
            _filled = 0;
            int headerEnd;
            while ((headerEnd = _receive.AsSpan(0, _filled).IndexOf("\r\n\r\n"u8)) < 0)
            {
                await FillAsync();
            }
            // Parsed on the bytes: strings per response would put the client's garbage into the server's collections.
            var head = _receive.AsSpan(0, headerEnd);
            if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
            {
                throw new InvalidDataException("Not an HTTP/1.x response: " + Encoding.ASCII.GetString(head[..Math.Min(head.Length, 40)]));
            }
            long contentLength = -1;
            var chunked = false;
            var keepAlive = true;
            var rest = head[(head.IndexOf("\r\n"u8) is var first and >= 0 ? first + 2 : head.Length)..];
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf("\r\n"u8);
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 2)..];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue;
                }
                var name = line[..colon].Trim((byte)' ');
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
                {
                    if (!Utf8Parser.TryParse(value, out contentLength, out _))
                    {
                        throw new InvalidDataException("Content-Length is not a number.");
                    }
                }
                else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
                {
                    chunked = value.IndexOf("chunked"u8) >= 0;
                }
                else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
                {
                    keepAlive = !Ascii.EqualsIgnoreCase(value, "close"u8);
                }
            }
            var at = headerEnd + 4;
            if (chunked)
            {
                while (true)
                {
                    int lineEnd;
                    while ((lineEnd = _receive.AsSpan(at, _filled - at).IndexOf("\r\n"u8)) < 0)
                    {
                        await FillAsync();
                    }
                    var sizeText = _receive.AsSpan(at, lineEnd);
                    if (sizeText.IndexOf((byte)';') is var semicolon and >= 0)
                    {
                        sizeText = sizeText[..semicolon];
                    }
                    if (!Utf8Parser.TryParse(sizeText.Trim((byte)' '), out int size, out _, 'x'))
                    {
                        throw new InvalidDataException("A chunk size is not hexadecimal.");
                    }
                    at += lineEnd + 2;
                    // The chunk and its CRLF (after the last, empty chunk: the final CRLF, no trailers expected).
                    while (_filled - at < size + 2)
                    {
                        await FillAsync();
                    }
                    at += size + 2;
                    if (size == 0)
                    {
                        break;
                    }
                }
            }
            else if (contentLength > 0)
            {
                while (_filled - at < contentLength)
                {
                    await FillAsync();
                }
            }
            return (status, keepAlive);
        }

        private async Task FillAsync()
        {
            if (_filled == _receive.Length)
            {
                Array.Resize(ref _receive, _receive.Length * 2);
            }
            var n = await socket.ReceiveAsync(_receive.AsMemory(_filled), SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("The server closed the connection mid-response.");
            }
            _filled += n;
        }

        public void Dispose() => socket.Dispose();
    }
}

/// <summary>The same posts through <see cref="HttpClient"/> (<c>--client httpclient</c>), for comparison.</summary>
internal sealed class HttpClientPoster(string url, string key) : ITickPoster
{
    private static readonly System.Net.Http.Headers.MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<int> PostAsync(byte[] body)
    {
        try
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ticks") { Content = content };
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    public void Dispose() => _http.Dispose();
}

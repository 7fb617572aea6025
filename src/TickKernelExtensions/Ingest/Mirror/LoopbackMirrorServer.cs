using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TickKernelExtensions.Ingest.Mirror;

/// <summary>
/// A small HTTP/1.1 file server on 127.0.0.1 that serves a folder laid out like the Dukascopy datafeed
/// (the built-in market writes one). The demo downloads through it exactly as from the real feed, and
/// tests inject faults per request through <see cref="MirrorServerOptions.Faults"/>. GET only, one
/// request per connection (<c>Connection: close</c>), never reachable from outside the machine.
/// </summary>
public sealed class LoopbackMirrorServer : IAsyncDisposable
{
    private const string HtmlPage =
        "<!DOCTYPE html><html><head><title>Attention Required!</title></head>" +
        "<body><h1>Sorry, you have been blocked</h1></body></html>";

    private readonly TcpListener _listener;
    private readonly string _root;
    private readonly MirrorServerOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> _connections = new();
    private readonly Task _acceptLoop;
    private int _requests;

    private LoopbackMirrorServer(string root, MirrorServerOptions options)
    {
        _root = Path.GetFullPath(root);
        _options = options;
        _listener = new TcpListener(IPAddress.Loopback, options.Port);
        _listener.Start(backlog: 512);
        var port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _acceptLoop = Task.Run(AcceptLoopAsync);
    }

    /// <summary>The URL of the served folder, ending in a slash.</summary>
    public Uri BaseUri { get; }

    /// <summary>Requests received so far.</summary>
    public int RequestCount => Volatile.Read(ref _requests);

    /// <summary>Requests received per path.</summary>
    public IReadOnlyDictionary<string, int> Attempts => _attempts;

    /// <summary>Starts serving <paramref name="root"/> on a free loopback port.</summary>
    public static LoopbackMirrorServer Start(string root, MirrorServerOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Mirror folder not found: {root}");
        }
        return new LoopbackMirrorServer(root, options ?? new MirrorServerOptions());
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        await Task.WhenAll(_connections.Keys);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }
            var task = ServeAsync(client);
            _connections.TryAdd(task, 0);
            _ = task.ContinueWith(t => _connections.TryRemove(t, out _), TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            client.NoDelay = true;
            var stream = client.GetStream();
            var path = await ReadRequestPathAsync(stream, _stop.Token);
            if (path is null)
            {
                await WriteAsync(stream, 400, "text/plain", "bad request"u8.ToArray(), _stop.Token);
                return;
            }
            Interlocked.Increment(ref _requests);
            var attempt = _attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
            var fault = _options.Faults?.Invoke(new MirrorRequest(path, attempt));
            await RespondAsync(stream, path, fault, _stop.Token);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the server is stopping: nothing to answer.
        }
    }

    private async Task RespondAsync(NetworkStream stream, string path, MirrorFault? fault, CancellationToken ct)
    {
        switch (fault)
        {
            case MirrorFault.Status s:
                await WriteAsync(stream, s.Code, "text/plain", Encoding.UTF8.GetBytes(s.Body), ct);
                return;
            case MirrorFault.EmptyBody:
                await WriteAsync(stream, 200, "application/octet-stream", [], ct);
                return;
            case MirrorFault.Html:
                await WriteAsync(stream, 200, "text/html; charset=UTF-8", Encoding.UTF8.GetBytes(HtmlPage), ct);
                return;
            case MirrorFault.Stall stall:
                await Task.Delay(stall.Duration, ct);
                return;
            case MirrorFault.Drop:
                return;
        }
        var file = Resolve(path);
        if (file is null)
        {
            await WriteAsync(stream, 404, "text/plain", "not found"u8.ToArray(), ct);
            return;
        }
        var bytes = await File.ReadAllBytesAsync(file, ct);
        if (fault is MirrorFault.Truncate t)
        {
            var keep = Math.Clamp(t.KeepBytes, 0, bytes.Length);
            if (t.DeclareFullLength)
            {
                await WriteHeadAsync(stream, 200, "application/octet-stream", bytes.Length, ct);
                await stream.WriteAsync(bytes.AsMemory(0, keep), ct);
                return;
            }
            bytes = bytes[..keep];
        }
        await WriteAsync(stream, 200, "application/octet-stream", bytes, ct);
    }

    private string? Resolve(string path)
    {
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && File.Exists(full) ? full : null;
    }

    private static async Task<string?> ReadRequestPathAsync(NetworkStream stream, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), ct);
            if (read == 0)
            {
                return null;
            }
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (text.Contains("\r\n\r\n", StringComparison.Ordinal))
            {
                var requestLine = text[..text.IndexOf("\r\n", StringComparison.Ordinal)].Split(' ');
                if (requestLine.Length != 3 || requestLine[0] != "GET")
                {
                    return null;
                }
                var target = requestLine[1];
                var query = target.IndexOf('?', StringComparison.Ordinal);
                return Uri.UnescapeDataString(query < 0 ? target : target[..query]).TrimStart('/');
            }
        }
        return null;
    }

    private static async Task WriteAsync(NetworkStream stream, int status, string contentType, byte[] body, CancellationToken ct)
    {
        await WriteHeadAsync(stream, status, contentType, body.Length, ct);
        await stream.WriteAsync(body, ct);
        await stream.FlushAsync(ct);
    }

    private static Task WriteHeadAsync(NetworkStream stream, int status, string contentType, long length, CancellationToken ct)
    {
        var reason = status switch
        {
            200 => "OK",
            400 => "Bad Request",
            404 => "Not Found",
            429 => "Too Many Requests",
            500 => "Internal Server Error",
            502 => "Bad Gateway",
            503 => "Service Unavailable",
            _ => "Status",
        };
        var head = string.Create(CultureInfo.InvariantCulture,
            $"HTTP/1.1 {status} {reason}\r\nContent-Type: {contentType}\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n");
        return stream.WriteAsync(Encoding.ASCII.GetBytes(head), ct).AsTask();
    }
}

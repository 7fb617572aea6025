using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TickKernelExtensions.Tests.Support;

/// <summary>What the proxy does with one request.</summary>
public enum ProxyFault
{
    /// <summary>Forward it to the server.</summary>
    None,

    /// <summary>Answer 500 InternalError without forwarding.</summary>
    Status500,

    /// <summary>Answer 503 ServiceUnavailable without forwarding.</summary>
    Status503,

    /// <summary>Read half the request body, then reset the connection (nothing reaches the server).</summary>
    CutMidBody,

    /// <summary>Forward the request, relay the response head and half its body, then reset the connection.</summary>
    CutMidResponse,
}

/// <summary>One request as the proxy saw it.</summary>
/// <param name="Index">1-based arrival order.</param>
/// <param name="Method">HTTP method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="ContentLength">The body's length, when stated.</param>
/// <param name="Fault">What the proxy did with it.</param>
public sealed record ProxyRequest(int Index, string Method, string Target, long? ContentLength, ProxyFault Fault = ProxyFault.None)
{
    /// <summary>True for an UploadPart request.</summary>
    public bool IsUploadPart => Method == "PUT" && Target.Contains("partNumber=", StringComparison.Ordinal);

    /// <summary>True for a single-request PutObject.</summary>
    public bool IsPutObject => Method == "PUT" && !Target.Contains('?', StringComparison.Ordinal);
}

/// <summary>
/// A loopback HTTP/1.1 proxy in front of s3rver that injects faults chosen per request by <see cref="Rule"/>:
/// 500/503 answers, or a connection reset in the middle of the request body or of the response body. Forwarded requests go byte for byte (signatures stay
/// valid) with <c>Connection: close</c>, one request per connection, so every request is seen and counted.
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _upstreamPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly ConcurrentQueue<ProxyRequest> _requests = new();
    private readonly Lock _gate = new();
    private int _count;

    public FaultProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptLoop();
    }

    /// <summary>The proxy's port.</summary>
    public int Port { get; }

    /// <summary>The proxy's URL (use as the S3 endpoint).</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Chooses the fault for each request (called one request at a time). Null: forward everything.</summary>
    public Func<ProxyRequest, ProxyFault>? Rule { get; set; }

    /// <summary>Every request seen so far, in arrival order.</summary>
    public IReadOnlyList<ProxyRequest> Requests => [.. _requests.OrderBy(r => r.Index)];

    /// <summary>A rule that applies <paramref name="fault"/> to the first <paramref name="times"/> requests matching <paramref name="match"/>.</summary>
    public static Func<ProxyRequest, ProxyFault> FirstN(Func<ProxyRequest, bool> match, int times, ProxyFault fault)
    {
        var seen = 0;
        return r => match(r) && ++seen <= times ? fault : ProxyFault.None;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(Socket client)
    {
        using var _ = client;
        try
        {
            var (head, leftover) = await ReadHead(client);
            if (head is null)
            {
                return;
            }
            var lines = head.Split("\r\n");
            var requestLine = lines[0].Split(' ');
            var headers = lines.Skip(1).Where(l => l.Length > 0)
                .Select(l => (Name: l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), Value: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim()))
                .ToList();
            long? length = headers.Where(h => h.Name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                .Select(h => (long?)long.Parse(h.Value, CultureInfo.InvariantCulture)).FirstOrDefault();
            var expectContinue = headers.Any(h => h.Name.Equals("Expect", StringComparison.OrdinalIgnoreCase));
            ProxyRequest request;
            lock (_gate)
            {
                var seen = new ProxyRequest(++_count, requestLine[0], requestLine[1], length);
                request = seen with { Fault = Rule?.Invoke(seen) ?? ProxyFault.None };
                _requests.Enqueue(request);
            }
            switch (request.Fault)
            {
                case ProxyFault.Status500:
                case ProxyFault.Status503:
                    if (!expectContinue)
                    {
                        await Drain(client, leftover.Length, length ?? 0);
                    }
                    await Respond(client, request.Fault == ProxyFault.Status500 ? "500 Internal Server Error" : "503 Service Unavailable",
                        request.Fault == ProxyFault.Status500 ? "InternalError" : "ServiceUnavailable");
                    return;
                case ProxyFault.CutMidBody:
                    if (expectContinue)
                    {
                        await client.SendAsync(Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n"));
                    }
                    await Drain(client, leftover.Length, Math.Max(1, (length ?? 2) / 2));
                    client.LingerState = new LingerOption(true, 0); // close with RST
                    client.Close();
                    return;
                default:
                    await Forward(client, lines, leftover, request.Fault == ProxyFault.CutMidResponse);
                    return;
            }
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException or OperationCanceledException)
        {
            // The client or server went away: nothing to forward.
        }
    }

    private async Task Forward(Socket client, string[] lines, byte[] leftover, bool cutResponse)
    {
        using var upstream = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort);
        var head = new StringBuilder();
        head.Append(lines[0]).Append("\r\n");
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (!line.StartsWith("Connection:", StringComparison.OrdinalIgnoreCase) && !line.StartsWith("Keep-Alive:", StringComparison.OrdinalIgnoreCase))
            {
                head.Append(line).Append("\r\n");
            }
        }
        head.Append("Connection: close\r\n\r\n");
        await upstream.SendAsync(Encoding.ASCII.GetBytes(head.ToString()));
        if (leftover.Length > 0)
        {
            await upstream.SendAsync(leftover);
        }
        using var done = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        var up = Pump(client, upstream, done.Token);
        if (cutResponse)
        {
            await RelayHalfResponse(upstream, client);
            client.LingerState = new LingerOption(true, 0); // close with RST
            client.Close();
            await done.CancelAsync();
            return;
        }
        await Pump(upstream, client, done.Token);
        await done.CancelAsync();
        try
        {
            await up;
        }
        catch (OperationCanceledException)
        {
            // The response is complete; the request side has nothing more to say.
        }
        client.Shutdown(SocketShutdown.Both);
    }

    private static async Task Pump(Socket from, Socket to, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        int n;
        while ((n = await from.ReceiveAsync(buffer, cancellationToken)) > 0)
        {
            await to.SendAsync(buffer.AsMemory(0, n), cancellationToken);
        }
    }

    private static async Task RelayHalfResponse(Socket upstream, Socket client)
    {
        var (head, body) = await ReadHead(upstream);
        if (head is null)
        {
            return;
        }
        var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(l => long.Parse(l["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();
        await client.SendAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n"));
        var half = length / 2;
        var sent = 0L;
        var buffer = body;
        var n = body.Length;
        while (sent < half && n > 0)
        {
            var take = (int)Math.Min(n, half - sent);
            await client.SendAsync(buffer.AsMemory(0, take));
            sent += take;
            buffer = new byte[1 << 16];
            n = sent < half ? await upstream.ReceiveAsync(buffer) : 0;
        }
    }

    private static async Task<(string? Head, byte[] Leftover)> ReadHead(Socket client)
    {
        var bytes = new List<byte>(4096);
        var buffer = new byte[8192];
        while (true)
        {
            var n = await client.ReceiveAsync(buffer);
            if (n == 0)
            {
                return (null, []);
            }
            bytes.AddRange(buffer.AsSpan(0, n));
            var all = bytes.ToArray();
            var end = all.AsSpan().IndexOf("\r\n\r\n"u8);
            if (end >= 0)
            {
                return (Encoding.ASCII.GetString(all, 0, end), all[(end + 4)..]);
            }
        }
    }

    private static async Task Drain(Socket client, long already, long total)
    {
        var remaining = total - already;
        var buffer = new byte[1 << 16];
        while (remaining > 0)
        {
            var n = await client.ReceiveAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)));
            if (n == 0)
            {
                return;
            }
            remaining -= n;
        }
    }

    private static async Task Respond(Socket client, string status, string code)
    {
        var body = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected by the test proxy</Message></Error>";
        var response = $"HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {Encoding.UTF8.GetByteCount(body)}\r\nConnection: close\r\n\r\n{body}";
        await client.SendAsync(Encoding.UTF8.GetBytes(response));
        client.Shutdown(SocketShutdown.Both);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
    }
}

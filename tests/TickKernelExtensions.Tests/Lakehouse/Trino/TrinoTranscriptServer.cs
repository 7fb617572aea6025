using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TickKernelExtensions.Tests.Lakehouse.Trino;

/// <summary>
/// A Trino coordinator on 127.0.0.1 that plays back a scripted transcript: per method and path, the responses in
/// order (status, JSON body, headers, an optional delay). Every request is logged with its headers and body.
/// <c>{base}</c> in a body is replaced by the server's own address, so <c>nextUri</c> points back here.
/// </summary>
internal sealed class TrinoTranscriptServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Reply>> _script = new(StringComparer.Ordinal);
    private readonly Task _loop;

    public TrinoTranscriptServer()
    {
        var port = FreePort();
        BaseUri = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUri.ToString());
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public Uri BaseUri { get; }

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Adds the next reply to <paramref name="method"/> <paramref name="path"/>.</summary>
    public TrinoTranscriptServer On(string method, string path, string body, int status = 200, IReadOnlyDictionary<string, string>? headers = null, TimeSpan delay = default)
    {
        _script.GetOrAdd($"{method} {path}", _ => new ConcurrentQueue<Reply>()).Enqueue(new Reply(status, body, headers ?? new Dictionary<string, string>(), delay));
        return this;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var path = request.Url!.AbsolutePath;
        Requests.Enqueue(new Request(request.HttpMethod, path, headers, body));
        var response = context.Response;
        try
        {
            if (!_script.TryGetValue($"{request.HttpMethod} {path}", out var queue) || !queue.TryDequeue(out var reply))
            {
                reply = new Reply(request.HttpMethod == "DELETE" ? 204 : 404, request.HttpMethod == "DELETE" ? "" : $"no scripted reply for {request.HttpMethod} {path}", new Dictionary<string, string>(), default);
            }
            if (reply.Delay > TimeSpan.Zero)
            {
                await Task.Delay(reply.Delay);
            }
            response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                response.Headers[name] = value;
            }
            var bytes = Encoding.UTF8.GetBytes(reply.Body.Replace("{base}", BaseUri.ToString().TrimEnd('/'), StringComparison.Ordinal));
            response.ContentType = "application/json";
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client gave up on this request (cancellation); nothing to answer.
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public sealed record Request(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);

    private sealed record Reply(int Status, string Body, IReadOnlyDictionary<string, string> Headers, TimeSpan Delay);
}

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary>
/// A Livy server on loopback that plays a scripted transcript: POST /batches answers batch <see cref="BatchId"/>, each
/// GET …/state answers the next scripted state (the last one repeats; "HTTP 503" answers that status), GET …/log answers <see cref="Log"/>. Every
/// request is recorded with its body.
/// </summary>
internal sealed class FakeLivy : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Queue<string> _states;
    private readonly Task _loop;
    private string _lastState = "starting";

    public FakeLivy(int batchId, IEnumerable<string> states, IReadOnlyList<string> log)
    {
        BatchId = batchId;
        _states = new Queue<string>(states);
        Log = log;
        // A free port can be taken by another process between the probe and the listener (a shared machine): retry.
        for (var attempt = 1; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener = new HttpListener();
            _listener.Prefixes.Add(Url.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                _listener.Close();
            }
        }
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int BatchId { get; }

    public IReadOnlyList<string> Log { get; }

    public ConcurrentQueue<(string Method, string Path, string Body, string? RequestedBy)> Requests { get; } = new();

    private async Task ServeAsync()
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
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var path = context.Request.Url!.PathAndQuery;
            Requests.Enqueue((context.Request.HttpMethod, path, body, context.Request.Headers["X-Requested-By"]));
            var (status, json) = (context.Request.HttpMethod, path) switch
            {
                ("POST", "/batches") => (201, $"{{\"id\":{BatchId},\"state\":\"starting\",\"appId\":null,\"log\":[]}}"),
                ("GET", var p) when p == $"/batches/{BatchId}/state" => StateAnswer(NextState()),
                ("GET", var p) when p.StartsWith($"/batches/{BatchId}/log", StringComparison.Ordinal) =>
                    (200, $"{{\"id\":{BatchId},\"from\":0,\"total\":{Log.Count},\"log\":[{string.Join(",", Log.Select(l => System.Text.Json.JsonSerializer.Serialize(l)))}]}}"),
                _ => (404, "{\"msg\":\"not found\"}"),
            };
            var bytes = Encoding.UTF8.GetBytes(json);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>A scripted state, or "HTTP 503" for an error answer.</summary>
    private (int Status, string Json) StateAnswer(string state) =>
        state.StartsWith("HTTP ", StringComparison.Ordinal)
            ? (int.Parse(state[5..], System.Globalization.CultureInfo.InvariantCulture), "{\"msg\":\"scripted failure\"}")
            : (200, $"{{\"id\":{BatchId},\"state\":\"{state}\"}}");

    private string NextState()
    {
        if (_states.Count > 0)
        {
            _lastState = _states.Dequeue();
        }
        return _lastState;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}

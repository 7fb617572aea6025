using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;
using Pipeline.Scripts.Kernel.Wire;

namespace Kernel.Bench;

/// <summary>A minimal Jupyter client: writes a connection file, starts the kernel, and talks to it over shell and IOPub.</summary>
internal sealed class KernelClient : IDisposable
{
    private readonly DealerSocket _shell = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly MessageSigner _signer;
    private readonly HeaderFactory _headers = new(Guid.NewGuid().ToString("N"), "bench", TimeProvider.System);
    private readonly Process _process;

    private KernelClient(Process process, ConnectionInfo connection)
    {
        _process = process;
        _signer = new MessageSigner(connection.Key);
        _shell.Options.Identity = System.Text.Encoding.ASCII.GetBytes(_headers.Session);
        _shell.Connect(connection.Endpoint(connection.ShellPort));
        _iopub.Connect(connection.Endpoint(connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
    }

    /// <summary>Starts <c>dotnet PIPELINE kernel start -f FILE</c> in <paramref name="folder"/>, as a kernelspec's argv would.</summary>
    public static KernelClient Start(string dotnet, string pipeline, string folder)
    {
        var connection = new ConnectionInfo
        {
            ShellPort = FreePort(), IopubPort = FreePort(), StdinPort = FreePort(), ControlPort = FreePort(), HeartbeatPort = FreePort(),
            Key = Guid.NewGuid().ToString(),
        };
        var file = Path.Combine(folder, "connection.json");
        File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(connection));
        var info = new ProcessStartInfo(dotnet) { UseShellExecute = false, WorkingDirectory = folder, RedirectStandardError = true };
        foreach (var arg in new[] { pipeline, "kernel", "start", "-f", file })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_TieredPGO"] = "0";
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is { } line && Environment.GetEnvironmentVariable("KERNEL_BENCH_LOG") == "1") { Console.Error.WriteLine("[kernel] " + line); } };
        process.BeginErrorReadLine();
        return new KernelClient(process, connection);
    }

    /// <summary>Sends kernel_info_request until a reply and an IOPub message arrived (jupyter_client's wait_for_ready).</summary>
    public void WaitForReady(TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            Send("kernel_info_request", []);
            if (TryReceive(_shell, TimeSpan.FromMilliseconds(500)) is { } reply && reply.Header["msg_type"]?.ToString() == "kernel_info_reply"
                && TryReceive(_iopub, TimeSpan.FromMilliseconds(200)) is not null)
            {
                Drain();
                return;
            }
        }
        throw new TimeoutException($"the kernel was not ready within {timeout.TotalSeconds} s");
    }

    /// <summary>Runs one cell; returns when both its idle and its execute_reply arrived, with the execute_result's text/plain if any.</summary>
    public string? Execute(string code)
    {
        var id = Send("execute_request", new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true, ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = true });
        string? result = null;
        // Both sockets queue what arrives, so waiting for one and then the other sees both whatever their order.
        while (TryReceive(_iopub, TimeSpan.FromSeconds(60)) is { } message)
        {
            if (Environment.GetEnvironmentVariable("KERNEL_BENCH_LOG") == "1")
            {
                Console.Error.WriteLine($"[iopub] {message.MsgType} parent {Parent(message)} want {id}");
            }
            if (Parent(message) != id)
            {
                continue;
            }
            if (message.MsgType == "execute_result")
            {
                result = (string?)message.Content["data"]?["text/plain"];
            }
            if (message.MsgType == "status" && (string?)message.Content["execution_state"] == "idle")
            {
                break;
            }
        }
        while (TryReceive(_shell, TimeSpan.FromSeconds(60)) is { } reply)
        {
            if (Environment.GetEnvironmentVariable("KERNEL_BENCH_LOG") == "1")
            {
                Console.Error.WriteLine($"[shell] {reply.MsgType} parent {Parent(reply)} want {id}");
            }
            if (Parent(reply) == id)
            {
                return result;
            }
        }
        throw new TimeoutException($"no execute_reply for '{code}' within 60 s");
    }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _shell.Dispose();
        _iopub.Dispose();
        _process.Dispose();
    }

    private string Send(string type, JsonObject content)
    {
        var frames = WireCodec.Encode(new OutgoingMessage(type, content, null, []), _headers, _signer);
        _shell.SendMultipartBytes(frames);
        return (string)JsonNode.Parse(frames[2])!["msg_id"]!; // [delimiter, signature, header, …]: a DEALER sends no identity
    }

    private JupyterMessage? TryReceive(NetMQSocket socket, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        return socket.TryReceiveMultipartBytes(timeout, ref frames) ? WireCodec.TryDecode(frames, _signer, out _) : null;
    }

    private static string? Parent(JupyterMessage message) => (string?)message.ParentHeader?["msg_id"];

    private void Drain()
    {
        while (TryReceive(_iopub, TimeSpan.FromMilliseconds(200)) is not null)
        {
        }
        while (TryReceive(_shell, TimeSpan.FromMilliseconds(10)) is not null)
        {
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

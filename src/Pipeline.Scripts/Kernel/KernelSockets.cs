using NetMQ;
using NetMQ.Sockets;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Kernel;

/// <summary>
/// Binds the five sockets of a connection file and moves frames in and out. NetMQ sockets are not
/// thread-safe, so one poller thread owns shell, control, stdin and IOPub; any thread sends through
/// a queue that poller drains (which also keeps IOPub in the order it was sent: busy, outputs,
/// idle). The heartbeat echoes on its own thread, so it answers while a cell runs. Messages that
/// fail to decode or verify are logged and dropped, never handed on.
/// </summary>
internal sealed class KernelSockets : IDisposable
{
    private static readonly TimeSpan Linger = TimeSpan.FromSeconds(1);

    private readonly ConnectionInfo _connection;
    private readonly MessageSigner _signer;
    private readonly HeaderFactory _headers;
    private readonly Action<KernelChannel, JupyterMessage> _onMessage;
    private readonly TextWriter _log;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(KernelChannel Channel, List<byte[]> Frames)> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly Thread _heartbeatThread;
    private volatile bool _stopping;

    public KernelSockets(ConnectionInfo connection, HeaderFactory headers, Action<KernelChannel, JupyterMessage> onMessage, TextWriter log)
    {
        _connection = connection;
        _signer = new MessageSigner(connection.Key);
        _headers = headers;
        _onMessage = onMessage;
        _log = log;
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub })
        {
            socket.Options.Linger = Linger;
        }
        // A PUB socket silently drops past its high-water mark; a cell printing 20,000 lines must arrive whole.
        _iopub.Options.SendHighWatermark = 0;
        _shell.ReceiveReady += (_, e) => Receive(KernelChannel.Shell, e.Socket);
        _control.ReceiveReady += (_, e) => Receive(KernelChannel.Control, e.Socket);
        _stdin.ReceiveReady += (_, e) => Receive(KernelChannel.Stdin, e.Socket);
        _outbox.ReceiveReady += (_, e) =>
        {
            while (e.Queue.TryDequeue(out var item, TimeSpan.Zero))
            {
                Socket(item.Channel).SendMultipartBytes(item.Frames);
            }
        };
        _poller = new NetMQPoller { _shell, _control, _stdin, _outbox };
        _heartbeatThread = new Thread(EchoHeartbeats) { IsBackground = true, Name = "kernel heartbeat" };
    }

    /// <summary>Binds every socket and starts the poller and heartbeat threads.</summary>
    /// <exception cref="KernelException">A port could not be bound (it names the endpoint).</exception>
    public void Start()
    {
        Bind(_shell, _connection.ShellPort, "shell");
        Bind(_control, _connection.ControlPort, "control");
        Bind(_stdin, _connection.StdinPort, "stdin");
        Bind(_iopub, _connection.IopubPort, "iopub");
        Bind(_heartbeat, _connection.HeartbeatPort, "hb");
        _poller.RunAsync("kernel sockets");
        _heartbeatThread.Start();
    }

    /// <summary>Signs and queues a message for <paramref name="channel"/>; safe from any thread.</summary>
    public void Send(KernelChannel channel, OutgoingMessage message) => _outbox.Enqueue((channel, WireCodec.Encode(message, _headers, _signer)));

    public void Dispose()
    {
        _stopping = true;
        if (_poller.IsRunning)
        {
            // Stop waits for the poller loop, which first sends what is queued (the last idle, shutdown_reply).
            _poller.Stop();
        }
        _heartbeatThread.Join(TimeSpan.FromSeconds(1));
        _poller.Dispose();
        _outbox.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Dispose();
        }
        // Releases the ports, so a restarted kernel can bind the same ones at once.
        NetMQConfig.Cleanup(block: true);
    }

    private NetMQSocket Socket(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => _shell,
        KernelChannel.Control => _control,
        KernelChannel.Stdin => _stdin,
        KernelChannel.IoPub => _iopub,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    private void Bind(NetMQSocket socket, int port, string name)
    {
        var endpoint = _connection.Endpoint(port);
        try
        {
            socket.Bind(endpoint);
        }
        catch (Exception e) when (e is NetMQException or System.Net.Sockets.SocketException)
        {
            throw new KernelException($"cannot bind the {name} socket to {endpoint}: {e.Message}", e);
        }
    }

    private void Receive(KernelChannel channel, NetMQSocket socket)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(TimeSpan.Zero, ref frames))
        {
            var message = WireCodec.TryDecode(frames, _signer, out var problem);
            if (message is null)
            {
                _log.WriteLine($"kernel: dropped a message on {channel.ToString().ToLowerInvariant()}: {problem}");
            }
            else
            {
                _onMessage(channel, message);
            }
            frames = [];
        }
    }

    private void EchoHeartbeats()
    {
        var frames = new List<byte[]>();
        while (!_stopping)
        {
            if (_heartbeat.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(200), ref frames))
            {
                _heartbeat.SendMultipartBytes(frames);
                frames = [];
            }
        }
    }
}

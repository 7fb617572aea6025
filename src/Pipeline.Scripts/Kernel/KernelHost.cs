using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Pipeline.Scripts.Kernel.Execution;
using Pipeline.Scripts.Kernel.Introspection;
using Pipeline.Scripts.Kernel.Wire;

namespace Pipeline.Scripts.Kernel;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) for C# notebooks, on the engine of <c>pipeline run</c>.
/// Three loops: control requests (interrupt, shutdown, kernel_info) are served at once, on their
/// own; shell requests are answered in order, except <c>execute_request</c>s, which queue for the
/// executor, so completion and inspection answer while a cell runs. Every request is wrapped in
/// IOPub <c>busy</c>/<c>idle</c> with the request as parent, and its outputs go out before its idle.
/// </summary>
internal sealed partial class KernelHost : IAsyncDisposable
{
    private static readonly byte[] StatusTopic = "status"u8.ToArray();

    private readonly KernelOptions _options;
    private readonly TextWriter _log;
    private readonly HeaderFactory _headers;
    private readonly KernelSockets _sockets;
    private readonly WorkerCellExecutor _executor;
    private readonly CodeIntelligence _intelligence;
    private readonly Channel<JupyterMessage> _shell = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<JupyterMessage> _control = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<JupyterMessage> _executions = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _shutdown = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _executionCount;

    private KernelHost(KernelOptions options, ConnectionInfo connection, TextWriter log)
    {
        _options = options;
        _log = log;
        _headers = new HeaderFactory(Guid.NewGuid().ToString("N"), Environment.UserName, TimeProvider.System);
        _sockets = new KernelSockets(connection, _headers, OnMessage, log);
        _executor = new WorkerCellExecutor(options.WorkingDirectory, options.WorkerStartTimeout, log);
        _intelligence = new CodeIntelligence(options.WorkingDirectory);
    }

    /// <summary>Runs a kernel until a client shuts it down (or its parent process dies); returns the exit code.</summary>
    /// <exception cref="KernelException">The connection file is invalid or a port cannot be bound.</exception>
    public static async Task<int> RunAsync(KernelOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        var connection = ConnectionInfo.Load(options.ConnectionFile);
        await using var host = new KernelHost(options, connection, log);
        host._sockets.Start();
        // jupyter_client's shutdown and interrupt can send SIGINT; .NET's default would end the process.
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            _ = host._executor.InterruptAsync();
        });
        host.Publish(null, "status", new JsonObject { ["execution_state"] = "starting" }, StatusTopic);
        var loops = new[] { Task.Run(host.ServeControlAsync, CancellationToken.None), Task.Run(host.ServeShellAsync, CancellationToken.None), Task.Run(host.ExecuteAsync, CancellationToken.None) };
        using var parentWatch = WatchParent(host._shutdown);
        await host._shutdown.Task.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        host._shell.Writer.TryComplete();
        host._control.Writer.TryComplete();
        host._executions.Writer.TryComplete();
        await host._executor.InterruptAsync();
        await Task.WhenAll(loops).WaitAsync(TimeSpan.FromSeconds(1), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _executor.DisposeAsync();
        }
        finally
        {
            // NetMQ's threads keep a process alive: the sockets must close even when stopping the worker failed.
            _sockets.Dispose();
        }
    }

    private void OnMessage(KernelChannel channel, JupyterMessage message)
    {
        switch (channel)
        {
            case KernelChannel.Shell:
                _shell.Writer.TryWrite(message);
                break;
            case KernelChannel.Control:
                _control.Writer.TryWrite(message);
                break;
            default:
                _log.WriteLine($"kernel: ignored {message.MsgType} on {channel.ToString().ToLowerInvariant()} (this kernel sends no input requests)");
                break;
        }
    }

    /// <summary>Sends a reply to <paramref name="request"/> on the channel it came from.</summary>
    private void Reply(KernelChannel channel, JupyterMessage request, string msgType, JsonObject content) =>
        _sockets.Send(channel, new OutgoingMessage(msgType, content, request, request.Identities));

    /// <summary>Broadcasts on IOPub with <paramref name="parent"/> as parent header.</summary>
    private void Publish(JupyterMessage? parent, string msgType, JsonObject content, byte[]? topic = null) =>
        _sockets.Send(KernelChannel.IoPub, new OutgoingMessage(msgType, content, parent, [topic ?? System.Text.Encoding.UTF8.GetBytes("kernel." + _headers.Session + "." + msgType)]));

    private void Status(JupyterMessage parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state }, StatusTopic);

    // ipykernel's insurance: when the client that started us is gone (VS Code crashed), do not linger.
    private static Timer? WatchParent(TaskCompletionSource shutdown)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var pid) || pid <= 1)
        {
            return null;
        }
        return new Timer(_ =>
        {
            try
            {
                using var parent = System.Diagnostics.Process.GetProcessById(pid);
                if (parent.HasExited)
                {
                    shutdown.TrySetResult();
                }
            }
            catch (ArgumentException)
            {
                shutdown.TrySetResult();
            }
        }, null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2));
    }
}

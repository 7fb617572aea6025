namespace Pipeline.Scripts.Kernel;

/// <summary>The kernel's ZeroMQ channels (the heartbeat is not one: it echoes raw bytes).</summary>
public enum KernelChannel
{
    /// <summary>Requests and replies (ROUTER).</summary>
    Shell,

    /// <summary>High-priority requests: interrupt, shutdown, kernel_info (ROUTER), served while a cell runs.</summary>
    Control,

    /// <summary>Kernel-initiated input requests (ROUTER).</summary>
    Stdin,

    /// <summary>Broadcast side effects: status, streams, displays, results, errors (PUB).</summary>
    IoPub,
}

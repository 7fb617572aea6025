namespace TickKernelExtensions.Replication;

/// <summary>
/// A counting semaphore over bytes: <see cref="AcquireAsync"/> waits (first come, first served) until the bytes
/// fit under the capacity. A request larger than the capacity is clamped to it, so one big part still proceeds,
/// alone. Thread safe.
/// </summary>
internal sealed class ByteBudget(long capacity)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(long Bytes, TaskCompletionSource Ready)> _waiting = new();
    private long _inUse;

    /// <summary>The most bytes held at once so far.</summary>
    public long Peak { get; private set; }

    /// <summary>The bytes a request of <paramref name="bytes"/> actually holds (clamped to the capacity).</summary>
    public long Clamp(long bytes) => Math.Clamp(bytes, 0, capacity);

    public async Task AcquireAsync(long bytes, CancellationToken cancellationToken)
    {
        bytes = Clamp(bytes);
        LinkedListNode<(long, TaskCompletionSource)> node;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _inUse + bytes <= capacity)
            {
                Take(bytes);
                return;
            }
            node = _waiting.AddLast((bytes, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)));
        }
        await using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
        {
            await node.Value.Item2.Task;
        }
    }

    public void Release(long bytes)
    {
        bytes = Clamp(bytes);
        lock (_gate)
        {
            _inUse -= bytes;
            GrantWaiting();
        }
    }

    private void GrantWaiting()
    {
        while (_waiting.First is { } first && _inUse + first.Value.Bytes <= capacity)
        {
            _waiting.RemoveFirst();
            Take(first.Value.Bytes);
            first.Value.Ready.TrySetResult();
        }
    }

    private void Take(long bytes)
    {
        _inUse += bytes;
        Peak = Math.Max(Peak, _inUse);
    }

    private void Cancel(LinkedListNode<(long Bytes, TaskCompletionSource Ready)> node, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (node.List is null)
            {
                return; // already granted: the holder releases it
            }
            _waiting.Remove(node);
            GrantWaiting();
        }
        node.Value.Ready.TrySetCanceled(cancellationToken);
    }
}

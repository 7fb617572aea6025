namespace Serving.Host;

/// <summary>
/// The current <see cref="ServedModel"/>, swapped atomically on reload. <see cref="Acquire"/> hands out a lease that
/// keeps its generation alive until disposed, so requests in flight finish on the model they started with and the old
/// bundle is disposed only when the last of them ends. Thread safe.
/// </summary>
internal sealed class ModelSlot : IDisposable
{
    private ServedModel? _current;

    /// <summary>The current generation (for reading its description only; score through <see cref="Acquire"/>).</summary>
    public ServedModel? Current => Volatile.Read(ref _current);

    /// <summary>A lease on the current generation, or null when no model is loaded.</summary>
    public ModelLease? Acquire()
    {
        while (true)
        {
            var model = Volatile.Read(ref _current);
            if (model is null)
            {
                return null;
            }
            if (model.TryAddReference())
            {
                return new ModelLease(model);
            }
            // Swapped and released between the read and the reference: the slot holds a newer one now.
        }
    }

    /// <summary>Makes <paramref name="model"/> current and releases the slot's reference on the previous one.</summary>
    public void Swap(ServedModel model)
    {
        var previous = Interlocked.Exchange(ref _current, model);
        previous?.Release();
    }

    public void Dispose() => Interlocked.Exchange(ref _current, null)?.Release();
}

/// <summary>A request's reference on one generation; dispose once.</summary>
internal sealed class ModelLease(ServedModel model) : IDisposable
{
    private int _disposed;

    public ServedModel Model { get; } = model;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Model.Release();
        }
    }
}

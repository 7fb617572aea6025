using System.Collections.Concurrent;
using TickKernelExtensions.Modeling.Export;
using TickKernelExtensions.Modeling.Online;
using TickKernelExtensions.Processing.Bars;

namespace Serving.Host;

/// <summary>
/// One generation of the served model: the bundle, the optional shadow bundle, and the per-symbol streams scored by
/// them. Reference counted: the <see cref="ModelSlot"/> holds one reference while the generation is current and every
/// request holds one while it runs, so a reload never disposes a bundle a request still scores with. Streams belong to
/// a generation, so a new model starts its streams (and their feature warm-up) afresh.
/// </summary>
internal sealed class ServedModel
{
    private readonly ConcurrentDictionary<string, SymbolStreams> _streams = new(StringComparer.Ordinal);
    private readonly TimeBarOptions _bars;
    private readonly TimeSpan _lifetime;
    private int _references = 1;

    public ServedModel(ModelBundle bundle, ModelBundle? shadow, DateTimeOffset loadedAt, TimeBarOptions bars, TimeSpan lifetime)
    {
        Bundle = bundle;
        Shadow = shadow;
        LoadedAt = loadedAt;
        (_bars, _lifetime) = (bars, lifetime);
    }

    public ModelBundle Bundle { get; }

    public ModelBundle? Shadow { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>
    /// The fixed start of every signal response, <c>{"model":{"name":…,"version":…,"sha256":…},"signals":[</c>, as
    /// UTF-8: written once per generation, copied per response.
    /// </summary>
    public byte[] ResponsePrefix => _responsePrefix ??= BuildResponsePrefix();

    private byte[]? _responsePrefix;

    private byte[] BuildResponsePrefix()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var w = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("model");
            w.WriteString("name", Bundle.Name);
            w.WriteString("version", Bundle.Version);
            w.WriteString("sha256", Bundle.ContentHash);
            w.WriteEndObject();
            w.WriteStartArray("signals");
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>True once the last reference is gone and the bundles are disposed.</summary>
    public bool IsDisposed => Volatile.Read(ref _references) == 0;

    /// <summary>The symbol's streams, created on first use. Call under the symbol's gate (streams are not thread safe).</summary>
    public SymbolStreams StreamsFor(string symbol) => _streams.GetOrAdd(symbol, s => new SymbolStreams(
        new OnlineSignalStream(Bundle, s, _bars, _lifetime),
        Shadow is null ? null : new OnlineSignalStream(Shadow, s, _bars, _lifetime)));

    /// <summary>Takes a reference unless the generation is already released; false means: read the slot again.</summary>
    public bool TryAddReference()
    {
        var current = Volatile.Read(ref _references);
        while (current > 0)
        {
            var seen = Interlocked.CompareExchange(ref _references, current + 1, current);
            if (seen == current)
            {
                return true;
            }
            current = seen;
        }
        return false;
    }

    /// <summary>Drops a reference; the last one disposes the bundles.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Bundle.Dispose();
            Shadow?.Dispose();
        }
    }
}

/// <summary>A symbol's primary and (optional) shadow stream in one generation.</summary>
internal sealed record SymbolStreams(OnlineSignalStream Primary, OnlineSignalStream? Shadow);

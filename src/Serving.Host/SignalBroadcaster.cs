using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Serving.Host;

/// <summary>
/// Fans every produced signal out to the open server-sent-event streams. Each subscriber has a bounded queue
/// (<see cref="Capacity"/>); a subscriber that falls that far behind loses its oldest events rather than slowing the
/// scoring path. Thread safe.
/// </summary>
internal sealed class SignalBroadcaster
{
    /// <summary>Events queued per subscriber before the oldest are dropped.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<Channel<SignalEvent>, byte> _subscribers = new();

    /// <summary>Open subscriptions.</summary>
    public int Subscribers => _subscribers.Count;

    public Channel<SignalEvent> Subscribe()
    {
        var channel = Channel.CreateBounded<SignalEvent>(new BoundedChannelOptions(Capacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        _subscribers.TryAdd(channel, 0);
        return channel;
    }

    public void Unsubscribe(Channel<SignalEvent> channel)
    {
        _subscribers.TryRemove(channel, out _);
        channel.Writer.TryComplete();
    }

    public void Publish(SignalEvent e)
    {
        foreach (var channel in _subscribers.Keys)
        {
            channel.Writer.TryWrite(e);
        }
    }
}

/// <summary>One signal as sent: its id and its JSON.</summary>
internal sealed record SignalEvent(string Id, string Json);

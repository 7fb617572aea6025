using System.Globalization;
using System.Text;
using TickKernelExtensions.Market;

namespace Serving.Bench;

/// <summary>
/// One tick stream per symbol, each in time order: a ±1 pip random walk whose clock advances <c>step</c> per tick from
/// Monday 2026-11-30 10:00 UTC. With a step of a bar or more every tick closes a one-minute bar, so every request runs
/// the features and the model (the worst case). Bodies are the JSON a client posts (time as UTC microseconds).
/// Each run starts a year after the last, since the host keeps every symbol's last tick time. Not thread safe per
/// symbol: the caller keeps one symbol's ticks on one sender at a time, or accepts the 400s (a tick before the last).
/// </summary>
internal sealed class TickStreams
{
    private static readonly long Start = TickTime.ToMicros(new DateTime(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc));
    private readonly string[] _symbols;
    private readonly long[] _time;
    private readonly double[] _mid;
    private readonly Random[] _random;
    private readonly long _stepMicros;
    private static int s_runs;

    public TickStreams(int symbols, TimeSpan step)
    {
        _symbols = [.. InstrumentCatalog.Default.All.Take(symbols).Select(i => i.Symbol)];
        // Each run starts a year after the previous one's start: the host keeps every symbol's last time across runs.
        var start = Start + (Interlocked.Increment(ref s_runs) * 366L * 86_400_000_000L);
        _time = [.. _symbols.Select(_ => start)];
        _mid = [.. _symbols.Select(_ => 1.1)];
        _random = [.. _symbols.Select((_, i) => new Random(i + 1))];
        _stepMicros = step.Ticks / 10;
    }

    public int Count => _symbols.Length;

    /// <summary>The next tick of symbol <paramref name="s"/> as a UTF-8 JSON body.</summary>
    public byte[] Next(int s)
    {
        var r = _random[s];
        _time[s] += _stepMicros;
        _mid[s] += (r.Next(3) - 1) * 0.00001;
        var half = (5 + r.Next(16)) * 0.000005;
        return Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"{{\"symbol\":\"{_symbols[s]}\",\"time\":{_time[s]},\"bid\":{Math.Round(_mid[s] - half, 6)},\"ask\":{Math.Round(_mid[s] + half, 6)},\"bid_volume\":1,\"ask_volume\":1}}"));
    }
}

using System.Diagnostics;

namespace Serving.Bench;

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(string Mode, long Requests, long Errors, long OutOfOrder, double Seconds, Percentiles Latency, double CpuCores)
{
    public double Rps => Requests / Seconds;

    /// <summary>Open loop only: how late each request left against its schedule (the pacer's own lateness).</summary>
    public Percentiles? Slip { get; init; }

    /// <summary>Garbage collections during the run (the whole process).</summary>
    public GcTally Gc { get; init; }
}

/// <summary>Collections per generation and the total time the runtime was paused for them.</summary>
internal readonly record struct GcTally(int Gen0, int Gen1, int Gen2, TimeSpan Paused, long Allocated)
{
    public static GcTally Now() => new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes());

    public static GcTally operator -(GcTally a, GcTally b) => new(a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Paused - b.Paused, a.Allocated - b.Allocated);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Gen0}/{Gen1}/{Gen2}, {Paused.TotalMilliseconds:0} ms");
}

/// <summary>
/// A loopback HTTP/1.1 load generator on <see cref="RawHttpPoster"/> (raw sockets, keep-alive pool; the default) or
/// <see cref="HttpClient"/> (<c>--client httpclient</c>: pooled connections, at most 256).
/// Closed loop: <c>c</c> senders, each posting its own symbol's ticks back to back. Open loop: requests sent at a fixed
/// rate on a schedule, latency measured from each request's intended send time, so a stalled server is charged for
/// the requests it delayed (no coordinated omission). Non-2xx responses and transport failures count as errors.
/// </summary>
internal sealed class LoadGenerator(string url, string key, bool raw = true) : IDisposable
{
    private readonly ITickPoster _poster = raw ? new RawHttpPoster(url, key) : new HttpClientPoster(url, key);

    public async Task<LoadResult> ClosedAsync(int concurrency, TimeSpan duration, TimeSpan step)
    {
        var streams = new TickStreams(concurrency, step);
        var stop = Stopwatch.StartNew();
        var cpu = Cpu.Milliseconds();
        var gc = GcTally.Now();
        var lists = new List<long>[concurrency];
        var errors = new long[concurrency];
        var late = new long[concurrency];
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var latencies = lists[w] = new List<long>(1 << 16);
            while (stop.Elapsed < duration)
            {
                var body = streams.Next(w);
                var t0 = Stopwatch.GetTimestamp();
                var status = await SendAsync(body);
                errors[w] += status is >= 200 and < 300 ? 0 : 1;
                late[w] += status == 400 ? 1 : 0;
                latencies.Add(Stopwatch.GetTimestamp() - t0);
            }
        })));
        var seconds = stop.Elapsed.TotalSeconds;
        var cores = (Cpu.Milliseconds() - cpu) / 1e3 / seconds;
        var all = lists.SelectMany(l => l).ToArray();
        return new LoadResult($"closed, {concurrency} conns", all.Length, errors.Sum(), late.Sum(), seconds, Percentiles.Of(all), cores) { Gc = GcTally.Now() - gc };
    }

    public async Task<LoadResult> OpenAsync(int rate, TimeSpan duration, int symbols, TimeSpan step)
    {
        var streams = new TickStreams(symbols, step);
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var slips = new long[total];
        var errors = 0L;
        var late = 0L;
        // In-flight requests are counted, not kept: holding every request's task until the end would carry tens of
        // thousands of objects into the older generations and charge the server's latencies with the collections.
        var outstanding = 1;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var interval = (double)Stopwatch.Frequency / rate;
        var cpu = Cpu.Milliseconds();
        var gc = GcTally.Now();
        var start = Stopwatch.GetTimestamp();
        // The schedule is kept by one dedicated thread: a timer or Task.Delay wakes a millisecond or more late, which
        // at 5,000 requests per second (one every 200 µs) would put the pacer's own lateness into every latency. The
        // thread sleeps with usleep (microsecond resolution) until each send. How late each send left is recorded (the
        // slip) and shown beside the latencies.
        var pacer = new Thread(() =>
        {
            for (var i = 0; i < total; i++)
            {
                var intended = start + (long)(i * interval);
                long now;
                while ((now = Stopwatch.GetTimestamp()) < intended)
                {
                    var micros = (intended - now) * 1_000_000 / Stopwatch.Frequency;
                    if (OperatingSystem.IsLinux())
                    {
                        // A high-resolution sleep: Linux timers wake within ~50-100 µs of the deadline, and no core is
                        // burnt spinning (a spin for the last microseconds cost a third of a core at 5,000/s).
                        _ = usleep((uint)Math.Max(1, micros));
                    }
                    else if (micros > 2_000)
                    {
                        Thread.Sleep(1);
                    }
                    else
                    {
                        Thread.Yield();
                    }
                }
                slips[i] = now - intended;
                var index = i;
                Interlocked.Increment(ref outstanding);
                _ = Record(index, intended, SendAsync(streams.Next(i % symbols)));
            }
        })
        { IsBackground = true, Name = "open-loop pacer", Priority = ThreadPriority.AboveNormal };
        pacer.Start();
        await Task.Run(pacer.Join);
        if (Interlocked.Decrement(ref outstanding) == 0)
        {
            done.TrySetResult();
        }
        await done.Task;
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cores = (Cpu.Milliseconds() - cpu) / 1e3 / seconds;
        return new LoadResult($"open, {rate:N0}/s", total, errors, late, seconds, Percentiles.Of(latencies), cores) { Slip = Percentiles.Of(slips), Gc = GcTally.Now() - gc };

        async Task Record(int index, long intended, Task<int> send)
        {
            var status = await send;
            if (status is < 200 or >= 300)
            {
                Interlocked.Increment(ref errors);
            }
            if (status == 400)
            {
                Interlocked.Increment(ref late);
            }
            latencies[index] = Stopwatch.GetTimestamp() - intended;
            if (Interlocked.Decrement(ref outstanding) == 0)
            {
                done.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Posts a few ticks the server must refuse (400): its problem-document path, which a long-running server has run
    /// many times, is then compiled too, rather than compiled in the middle of a measurement by the first refusal.
    /// </summary>
    public async Task RefusedAsync()
    {
        foreach (var body in (string[])["{\"symbol\":\"NOSUCH\",\"time\":1,\"bid\":1,\"ask\":1}", "{\"symbol\":\"EURUSD\",\"time\":1,\"bid\":1,\"ask\":1}", "{"])
        {
            _ = await SendAsync(System.Text.Encoding.UTF8.GetBytes(body));
        }
    }

    private Task<int> SendAsync(byte[] body) => _poster.PostAsync(body);

    public void Dispose() => _poster.Dispose();

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = false)]
    private static extern int usleep(uint microseconds);
}

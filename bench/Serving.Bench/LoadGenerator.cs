using System.Diagnostics;
using System.Net.Http.Headers;

namespace Serving.Bench;

/// <summary>What one load run measured.</summary>
internal sealed record LoadResult(string Mode, long Requests, long Errors, long OutOfOrder, double Seconds, Percentiles Latency, double CpuCores)
{
    public double Rps => Requests / Seconds;
}

/// <summary>
/// A loopback HTTP/1.1 load generator on <see cref="HttpClient"/> (pooled connections, at most 256; more requests queue
/// in the client, their wait counted in the open loop's latency).
/// Closed loop: <c>c</c> senders, each posting its own symbol's ticks back to back. Open loop: requests sent at a fixed
/// rate on a schedule, latency measured from each request's intended send time, so a stalled server is charged for
/// the requests it delayed (no coordinated omission). Non-2xx responses and transport failures count as errors.
/// </summary>
internal sealed class LoadGenerator(string url, string key) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, UseProxy = false, UseCookies = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
    {
        BaseAddress = new Uri(url),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public async Task<LoadResult> ClosedAsync(int concurrency, TimeSpan duration, TimeSpan step)
    {
        var streams = new TickStreams(concurrency, step);
        var stop = Stopwatch.StartNew();
        var cpu = Cpu.Milliseconds();
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
        return new LoadResult($"closed, {concurrency} conns", all.Length, errors.Sum(), late.Sum(), seconds, Percentiles.Of(all), cores);
    }

    public async Task<LoadResult> OpenAsync(int rate, TimeSpan duration, int symbols, TimeSpan step)
    {
        var streams = new TickStreams(symbols, step);
        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new long[total];
        var errors = 0L;
        var late = 0L;
        var pending = new List<Task>(total);
        var interval = (double)Stopwatch.Frequency / rate;
        var cpu = Cpu.Milliseconds();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < total; i++)
        {
            var intended = start + (long)(i * interval);
            while (Stopwatch.GetTimestamp() < intended)
            {
                await Task.Delay(1);
            }
            var body = streams.Next(i % symbols);
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                var status = await SendAsync(body);
                if (status is < 200 or >= 300)
                {
                    Interlocked.Increment(ref errors);
                }
                if (status == 400)
                {
                    Interlocked.Increment(ref late);
                }
                latencies[index] = Stopwatch.GetTimestamp() - intended;
            }));
        }
        await Task.WhenAll(pending);
        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cores = (Cpu.Milliseconds() - cpu) / 1e3 / seconds;
        return new LoadResult($"open, {rate:N0}/s", total, errors, late, seconds, Percentiles.Of(latencies), cores);
    }

    private async Task<int> SendAsync(byte[] body)
    {
        try
        {
            var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/ticks") { Content = content };
            request.Headers.TryAddWithoutValidation("X-Api-Key", key);
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
        catch (TaskCanceledException)
        {
            return 0;
        }
    }

    public void Dispose() => _http.Dispose();
}

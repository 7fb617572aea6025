using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Pipeline.Scripts.Notebooks.Worker;
using TickKernelExtensions.Modeling.Export;

namespace Pipeline.Scripts.Tests.Commands;

/// <summary>
/// <c>pipeline serve</c> as a real child process (<c>dotnet pipeline.dll serve …</c>) on a free loopback port, with a tiny
/// bundle of the serving host tests' four-feature classifier (<c>TestBundles</c>, linked from that project).
/// </summary>
public sealed class ServeCommandTests : IDisposable
{
    private const string Key = "serve-test-key";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "serve-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Serve_Bundle_ReadyThenScoresAKeyedTick()
    {
        var ct = TestContext.Current.CancellationToken;
        var models = Path.Combine(_root, "data", "models");
        using var bundles = new Serving.Host.Tests.TestBundles { Root = models };
        var folder = bundles.Bundle("1");
        await using var serve = ServeProcess.Start(port => ["serve", "--data", Path.Combine(_root, "data"), "--model", "eurusd-direction", "--port", port]);
        using var http = serve.Client(key: null);
        Assert.True(await serve.WaitReadyAsync(http, ct), serve.Describe());

        using var tick = new HttpRequestMessage(HttpMethod.Post, "/v1/ticks")
        {
            Content = new StringContent("""{"symbol":"EURUSD","time":"2026-11-30T10:00:00.5Z","bid":1.1,"ask":1.10002}""", Encoding.UTF8, "application/json"),
        };
        tick.Headers.Add("X-Api-Key", Key);
        var scored = await http.SendAsync(tick, ct);
        var body = await scored.Content.ReadAsStringAsync(ct);
        Assert.True(scored.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"eurusd-direction\"", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/v1/ticks", new StringContent("{}", Encoding.UTF8, "application/json"), ct)).StatusCode);
        Assert.Contains($"serving eurusd-direction v1 on http://127.0.0.1:{serve.Port}", serve.Stdout, StringComparison.Ordinal);
        Assert.True(Directory.Exists(folder));
    }

    [Fact]
    public async Task Serve_MissingBundle_ClearErrorAndNonzeroExit()
    {
        var missing = Path.Combine(_root, "nowhere", "1");
        using var process = Start(["serve", "--bundle", missing, "--port", "0"], Key);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.NotEqual(0, process.ExitCode);
        Assert.Contains($"there is no model bundle folder {missing}", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_NoApiKey_RefusesToStartNamingTheVariable()
    {
        using var process = Start(["serve", "--bundle", Path.Combine(_root, "any"), "--port", "0"], key: null);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal(3, process.ExitCode);
        Assert.Contains("TICK_SERVING_API_KEYS", await stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DemoJournalAndLimits_AccountServedWithThoseSettings()
    {
        var ct = TestContext.Current.CancellationToken;
        using var bundles = new Serving.Host.Tests.TestBundles { Root = Path.Combine(_root, "models") };
        var journal = Path.Combine(_root, "demo", "account.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(journal)!);
        await using var serve = ServeProcess.Start(port => ["serve", "--bundle", bundles.Bundle("1"), "--port", port,
            "--demo-journal", journal, "--demo-balance", "5000", "--demo-lots", "0.5", "--max-position-lots", "2", "--max-open-positions", "1",
            "--allowed-symbols", "EURUSD,USDJPY", "--max-signal-age", "00:00:30"]);
        using var http = serve.Client(Key);
        Assert.True(await serve.WaitReadyAsync(http, ct), serve.Describe());
        var tick = await http.PostAsync("/v1/ticks", new StringContent("""{"symbol":"EURUSD","time":"2026-11-30T10:00:00.5Z","bid":1.1,"ask":1.10002}""", Encoding.UTF8, "application/json"), ct);
        Assert.True(tick.IsSuccessStatusCode, await tick.Content.ReadAsStringAsync(ct));

        var account = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync("/v1/demo/account", ct)).RootElement;

        Assert.Equal("account.jsonl", account.GetProperty("journal").GetString());
        Assert.Equal(5000, account.GetProperty("balance").GetDouble());
        Assert.True(File.Exists(journal));
        Assert.Contains($"demo account: journal {journal}, initial balance 5000 USD, 0.5 lots per position, at most 2 lots and 1 positions", serve.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_DemoOptionWithoutJournal_UsageErrorNamingTheOption()
    {
        var (exit, stderr) = await RunToExitAsync(["serve", "--bundle", Path.Combine(_root, "any"), "--port", "0", "--demo-lots", "2", "--max-daily-loss", "100"]);

        Assert.Equal(3, exit);
        Assert.Contains("--demo-lots, --max-daily-loss configure the demo account: give --demo-journal FILE too.", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_InvalidDemoLimits_UsageErrorNamingEveryField()
    {
        using var bundles = new Serving.Host.Tests.TestBundles { Root = Path.Combine(_root, "models") };

        var (exit, stderr) = await RunToExitAsync(["serve", "--bundle", bundles.Bundle("1"), "--port", "0", "--demo-journal", Path.Combine(_root, "j.jsonl"),
            "--max-position-lots", "0", "--max-open-positions", "0"]);

        Assert.Equal(3, exit);
        Assert.Contains("MaxLotsPerPosition must be positive, was 0", stderr, StringComparison.Ordinal);
        Assert.Contains("MaxOpenPositions must be ≥ 1, was 0", stderr, StringComparison.Ordinal);
    }

    /// <summary>A running <c>pipeline serve</c> on a free loopback port: its output captured, killed when disposed.</summary>
    private sealed class ServeProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();

        private ServeProcess(Process process, int port)
        {
            (_process, Port) = (process, port);
            process.OutputDataReceived += (_, e) => { lock (_stdout) { _stdout.AppendLine(e.Data); } };
            process.ErrorDataReceived += (_, e) => { lock (_stderr) { _stderr.AppendLine(e.Data); } };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Port { get; }

        public string Stdout
        {
            get
            {
                lock (_stdout)
                {
                    return _stdout.ToString();
                }
            }
        }

        /// <summary>Starts the command with the arguments <paramref name="args"/> builds from the port.</summary>
        public static ServeProcess Start(Func<string, string[]> args)
        {
            var port = FreePort();
            return new ServeProcess(ServeCommandTests.Start(args(port.ToString(System.Globalization.CultureInfo.InvariantCulture)), Key), port);
        }

        public HttpClient Client(string? key)
        {
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}"), Timeout = TimeSpan.FromSeconds(10) };
            if (key is not null)
            {
                http.DefaultRequestHeaders.Add("X-Api-Key", key);
            }
            return http;
        }

        /// <summary>Polls readiness until 200 (true), or the process exits or 90 s pass (false): a start-up deadline, not a timing.</summary>
        public async Task<bool> WaitReadyAsync(HttpClient http, CancellationToken ct)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
            while (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                try
                {
                    if ((await http.GetAsync("/health/ready", ct)).StatusCode == HttpStatusCode.OK)
                    {
                        return true;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }
                await Task.Delay(200, ct);
            }
            return false;
        }

        public string Describe()
        {
            lock (_stderr)
            {
                return $"not ready; exited: {_process.HasExited}; stderr: {_stderr}";
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }

    private static async Task<(int Exit, string Stderr)> RunToExitAsync(string[] args)
    {
        var ct = TestContext.Current.CancellationToken;
        using var process = Start(args, Key);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        _ = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return (process.ExitCode, await stderr);
    }

    private static Process Start(string[] args, string? key)
    {
        var info = new ProcessStartInfo(WorkerLaunch.DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(typeof(PipelineCli).Assembly.Location);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment.Remove("TICK_SERVING_API_KEYS");
        if (key is not null)
        {
            info.Environment["TICK_SERVING_API_KEYS"] = key;
        }
        return Process.Start(info)!;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // The temp folder is the OS's to clean.
        }
    }
}

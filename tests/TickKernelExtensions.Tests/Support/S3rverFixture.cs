using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Support;

/// <summary>
/// A real S3-compatible server (npm <c>s3rver</c> 3.7.1) on a free loopback port with a temporary data folder,
/// started once for the <see cref="S3Collection"/> and stopped at the end. When the binary is missing, tests
/// that need it fail under <c>CI=true</c> and are skipped with a message elsewhere (<c>./test.sh</c> installs it).
/// </summary>
public sealed class S3rverFixture : IAsyncLifetime
{
    /// <summary>The bucket created at start-up.</summary>
    public const string BucketName = "tick-test";

    /// <summary>s3rver's fixed credentials.</summary>
    public const string AccessKey = "S3RVER";

    private readonly TempDirectory _data = new();
    private Process? _process;
    private string? _missing;

    /// <summary>The server's port.</summary>
    public int Port { get; private set; }

    /// <summary>The endpoint URL.</summary>
    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>s3rver's data folder (objects, metadata and multipart uploads in progress).</summary>
    public string DataDirectory => _data.Path;

    /// <summary>Fails (CI) or skips (elsewhere) when the server could not be started.</summary>
    public void Require()
    {
        if (_missing is null)
        {
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(_missing + " Under CI this is a failure.");
        }
        Assert.Skip(_missing);
    }

    /// <summary>Options for a store rooted at <paramref name="prefix"/> of the test bucket, through <paramref name="url"/> (default: the server).</summary>
    public S3ObjectStoreOptions Options(string prefix, string? url = null, string bucket = BucketName) => new()
    {
        Bucket = bucket,
        Prefix = prefix,
        ServiceUrl = url ?? Url,
        Region = "us-east-1",
        AccessKey = AccessKey,
        SecretKey = AccessKey,
        UseChunkEncoding = false,
        MaxErrorRetry = 0,
        Timeout = TimeSpan.FromSeconds(30),
    };

    /// <summary>A store at a fresh prefix (unique per call).</summary>
    public S3ObjectStore Store(string? prefix = null) => S3ObjectStore.Create(Options(prefix ?? "t-" + Guid.NewGuid().ToString("N")[..12]));

    /// <summary>Multipart uploads s3rver still holds for the bucket (it cannot abort them: 405).</summary>
    public IReadOnlyList<string> PendingUploadFolders()
    {
        var uploads = Path.Combine(_data.Path, BucketName, "._S3rver_uploads");
        return Directory.Exists(uploads) ? Directory.GetDirectories(uploads) : [];
    }

    public async ValueTask InitializeAsync()
    {
        var binary = FindBinary();
        if (binary is null)
        {
            _missing = "s3rver is not installed (npm install -g s3rver@3.7.1; ./test.sh installs it).";
            return;
        }
        Port = FreePort();
        var start = new ProcessStartInfo(binary)
        {
            ArgumentList = { "-d", _data.Path, "-a", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent", "--configure-bucket", BucketName },
            // s3rver signs ListObjectsV2 continuation tokens with DES, which Node 20's OpenSSL 3 only has in its legacy
            // provider: without it every truncated listing (MaxKeys reached) answers 500.
            Environment = { ["NODE_OPTIONS"] = "--openssl-legacy-provider" },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {binary}.");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        var errors = new System.Text.StringBuilder();
        _process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                _missing = $"s3rver ({binary}) exited with code {_process.ExitCode} on start: {errors}";
                return;
            }
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                break;
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }
        }
        // The bucket is created after the port opens: wait until it answers.
        using var store = Store();
        for (var i = 0; ; i++)
        {
            try
            {
                await store.EnsureAvailableAsync();
                return;
            }
            catch (ObjectStoreException) when (i < 100)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        _data.Dispose();
    }

    /// <summary>A port that was free a moment ago on 127.0.0.1.</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string? FindBinary()
    {
        if (Environment.GetEnvironmentVariable("S3RVER_BIN") is { Length: > 0 } explicitPath && File.Exists(explicitPath))
        {
            return explicitPath;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "s3rver");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}

/// <summary>The tests that share one s3rver.</summary>
[CollectionDefinition(Name)]
public sealed class S3Collection : ICollectionFixture<S3rverFixture>
{
    public const string Name = "s3rver";
}

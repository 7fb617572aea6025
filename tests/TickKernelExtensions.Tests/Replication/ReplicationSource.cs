using System.Security.Cryptography;
using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Replication;

/// <summary>A raw zone written by <see cref="RawZone"/> (read-only files and a manifest), plus helpers to compare a destination with it.</summary>
internal sealed class ReplicationSource : IDisposable
{
    private readonly TempDirectory _dir = new();

    public ReplicationSource(int smallFiles = 8, int largeFileBytes = 0)
    {
        Root = _dir.Combine("data", "raw");
        var zone = new RawZone(Root);
        for (var i = 0; i < smallFiles; i++)
        {
            var path = $"EURUSD/2024/02/{i / 4:00}/{i % 24:00}h_ticks.bi5";
            zone.Store("builtin-test", path, Bytes(1000 + (i * 3731 % 20_000), i), Provenance(path));
        }
        if (largeFileBytes > 0)
        {
            var source = _dir.Combine("large.bin");
            File.WriteAllBytes(source, Bytes(largeFileBytes, 999));
            zone.StoreFileAsync("csv-mt5", "EURUSD_ticks.csv", source, Provenance("EURUSD_ticks.csv")).GetAwaiter().GetResult();
            File.Delete(source);
        }
        // A crash's leftover: hidden, never replicated.
        File.WriteAllBytes(Path.Combine(Root, "builtin-test", ".partial.tmp"), [1, 2, 3]);
    }

    /// <summary>The raw zone folder (<c>…/data/raw</c>).</summary>
    public string Root { get; }

    /// <summary>The data root (parent of <see cref="Root"/>).</summary>
    public string DataRoot => Path.GetDirectoryName(Root)!;

    /// <summary>Every file that must reach the destination: relative path → bytes.</summary>
    public Dictionary<string, byte[]> Expected() =>
        Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(p => !p.Split('/').Any(s => s.StartsWith('.')))
            .ToDictionary(p => p, p => File.ReadAllBytes(Path.Combine(Root, p)), StringComparer.Ordinal);

    /// <summary>Asserts the destination holds exactly the expected files, byte for byte, each with its sha256 metadata.</summary>
    public async Task AssertReplicatedAsync(IObjectStore store)
    {
        var ct = TestContext.Current.CancellationToken;
        var expected = Expected();
        var keys = await store.ListAsync("", ct).Select(o => o.Key).ToListAsync(ct);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), keys);
        foreach (var (key, bytes) in expected)
        {
            await using var stream = await store.OpenReadAsync(key, null, ct);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            Assert.True(bytes.AsSpan().SequenceEqual(copy.ToArray()), $"{key}: bytes differ ({bytes.Length} expected, {copy.Length} read)");
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), (await store.HeadAsync(key, ct))!.Sha256);
        }
    }

    public static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static RawProvenance Provenance(string path) => new($"test://{path}", 200, 1);

    public void Dispose() => _dir.Dispose();
}

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread (so a test can act at an exact point).</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}

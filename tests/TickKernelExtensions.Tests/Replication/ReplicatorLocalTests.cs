using TickKernelExtensions.Replication;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Replication;

public sealed class ReplicatorLocalTests
{
    [Fact]
    public async Task Run_LocalDestination_SameFilesByteForByte_RerunSendsNothing()
    {
        using var source = new ReplicationSource(smallFiles: 6, largeFileBytes: 3 << 20);
        using var target = new TempDirectory();
        using var store = new LocalObjectStore(target.Combine("replica"));
        var ct = TestContext.Current.CancellationToken;

        var first = await new Replicator(store, new ReplicationOptions { MaxBytesInFlight = 1 << 20, PartSize = 1 << 20 }).RunAsync(source.Root, null, ct);
        var again = await new Replicator(store).RunAsync(source.Root, null, ct);

        Assert.True(first.Succeeded, string.Join("\n", first.Failures));
        Assert.Equal(first.FilesTotal, first.FilesUploaded);
        Assert.Equal(1 << 20, first.PeakBytesInFlight);
        await source.AssertReplicatedAsync(store);
        Assert.Equal(0, again.FilesUploaded);
        Assert.Equal(again.FilesTotal, again.FilesSkipped);
    }

    [Fact]
    public async Task Run_RawFileRottedAfterReceipt_RefusedNamingRawManifestHash_OthersReplicated()
    {
        using var source = new ReplicationSource(smallFiles: 4);
        const string path = "builtin-test/EURUSD/2024/02/00/02h_ticks.bi5";
        var file = Path.Combine(source.Root, path);
        var recorded = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
        var rotted = File.ReadAllBytes(file);
        rotted[100] ^= 0x01; // one flipped bit, same size
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.WriteAllBytes(file, rotted);
        using var target = new TempDirectory();
        using var store = new LocalObjectStore(target.Path);

        var summary = await new Replicator(store).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(path, failure.Path);
        Assert.Equal(ReplicationErrorKind.SourceChanged, failure.Kind);
        Assert.Contains(recorded, failure.Message, StringComparison.Ordinal);
        Assert.Contains("_manifest.jsonl", failure.Message, StringComparison.Ordinal);
        Assert.Null(await store.HeadAsync(path, TestContext.Current.CancellationToken));
        Assert.Equal(summary.FilesTotal - 1, summary.FilesUploaded);
    }

    [Fact]
    public async Task Run_SourceMissing_ErrorNamingFolder()
    {
        using var target = new TempDirectory();
        using var store = new LocalObjectStore(target.Path);
        var missing = target.Combine("no-such-raw");

        var e = await Assert.ThrowsAsync<ReplicationException>(() => new Replicator(store).RunAsync(missing, null, TestContext.Current.CancellationToken));

        Assert.Equal(ReplicationErrorKind.SourceMissing, e.Kind);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ManifestOfAnotherDestination_MismatchNamingBoth()
    {
        using var source = new ReplicationSource(smallFiles: 1);
        using var target = new TempDirectory();
        var manifest = target.File("m.json");
        using (var a = new LocalObjectStore(target.Combine("a")))
        {
            await new Replicator(a, new ReplicationOptions { ManifestPath = manifest }).RunAsync(source.Root, null, TestContext.Current.CancellationToken);
        }
        using var b = new LocalObjectStore(target.Combine("b"));

        var e = await Assert.ThrowsAsync<ReplicationException>(() => new Replicator(b, new ReplicationOptions { ManifestPath = manifest }).RunAsync(source.Root, null, TestContext.Current.CancellationToken));

        Assert.Equal(ReplicationErrorKind.ManifestMismatch, e.Kind);
        Assert.Contains(b.Location.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains(target.Combine("a"), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_SeveralBadFields_AllReportedAtOnce()
    {
        var e = Assert.Throws<ReplicationException>(() => new ReplicationOptions { Concurrency = 0, PartSize = 10, MaxBytesInFlight = 5, MaxAttempts = 0 }.Validate());

        Assert.Equal(ReplicationErrorKind.InvalidOptions, e.Kind);
        Assert.Contains("Concurrency", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxBytesInFlight", e.Message, StringComparison.Ordinal);
        Assert.Contains("MaxAttempts", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultManifestPath_BesideTheSourceUnderReplication_OnePerDestination()
    {
        var source = Path.Combine(Path.GetTempPath(), "data", "raw");

        var a = Replicator.DefaultManifestPath(source, new Uri("s3://tick-lake/raw/"));
        var b = Replicator.DefaultManifestPath(source, new Uri("s3://tick-lake/raw2/"));

        Assert.Equal(Path.Combine(Path.GetTempPath(), "data", "replication"), Path.GetDirectoryName(a));
        Assert.StartsWith("s3-tick-lake-raw-", Path.GetFileName(a), StringComparison.Ordinal);
        Assert.NotEqual(a, b);
    }
}

using TickKernelExtensions.Ingest.Raw;
using TickKernelExtensions.Replication;
using TickKernelExtensions.Storage;

namespace TickKernelExtensions.Tests.Replication;

/// <summary>Replication to a real S3-compatible server (s3rver), through a fault-injecting proxy where faults matter.</summary>
[Collection(S3Collection.Name)]
public sealed class ReplicatorS3Tests(S3rverFixture s3)
{
    private const int LargeFile = 11 << 20; // three parts of 5 MiB, 5 MiB and 1 MiB

    private static ReplicationOptions Options(int concurrency = 4) => new()
    {
        Concurrency = concurrency,
        PartSize = 5L << 20,
        MultipartThreshold = 6L << 20,
        MaxBytesInFlight = 12L << 20,
        MaxAttempts = 4,
        RetryBaseDelay = TimeSpan.FromMilliseconds(1),
        RetryMaxDelay = TimeSpan.FromMilliseconds(5),
        CheckpointInterval = TimeSpan.Zero,
    };

    private S3ObjectStore Store(string prefix, FaultProxy? proxy = null)
    {
        s3.Require();
        return S3ObjectStore.Create(s3.Options(prefix, proxy?.Url));
    }

    private static string NewPrefix() => "raw-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Run_SmallAndMultipartFiles_EveryObjectByteForByteAndVerified()
    {
        using var source = new ReplicationSource(smallFiles: 10, largeFileBytes: LargeFile);
        using var store = Store(NewPrefix());

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures));
        Assert.Equal(source.Expected().Count, summary.FilesTotal);
        Assert.Equal(summary.FilesTotal, summary.FilesUploaded);
        Assert.Equal(source.Expected().Values.Sum(b => (long)b.Length), summary.BytesUploaded);
        Assert.InRange(summary.PeakBytesInFlight, 1, 12L << 20);
        await source.AssertReplicatedAsync(store);
        var manifest = ReplicationManifest.Load(summary.ManifestPath, store.Location.ToString());
        Assert.Equal(summary.FilesTotal, manifest.Files.Count);
        Assert.Equal("head", manifest.Files["csv-mt5/EURUSD_ticks.csv"].Verified);
        Assert.Equal("read-back", manifest.Files["builtin-test/_manifest.jsonl"].Verified);
        Assert.StartsWith(Path.Combine(source.DataRoot, "replication"), summary.ManifestPath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rerun_EverythingVerified_SendsNothing()
    {
        using var source = new ReplicationSource(smallFiles: 6, largeFileBytes: LargeFile);
        var prefix = NewPrefix();
        using (var direct = Store(prefix))
        {
            await new Replicator(direct, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);
        }
        await using var proxy = new FaultProxy(s3.Port);
        using var store = Store(prefix, proxy);

        var again = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.True(again.Succeeded);
        Assert.Equal(0, again.FilesUploaded);
        Assert.Equal(again.FilesTotal, again.FilesSkipped);
        Assert.Equal(0, again.BytesUploaded);
        Assert.DoesNotContain(proxy.Requests, r => r.Method is "PUT" or "POST");
    }

    [Fact]
    public async Task Rerun_ManifestLost_ObjectsFoundByHeadNotSentAgain()
    {
        using var source = new ReplicationSource(smallFiles: 5);
        var prefix = NewPrefix();
        using var store = Store(prefix);
        var first = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);
        File.Delete(first.ManifestPath);

        var again = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.Equal(0, again.FilesUploaded);
        Assert.Equal(again.FilesTotal, again.FilesFoundAtDestination);
    }

    [Fact]
    public async Task Run_503OnFirstPuts_RetriedAndEveryFileVerified()
    {
        using var source = new ReplicationSource(smallFiles: 6);
        await using var proxy = new FaultProxy(s3.Port) { Rule = FaultProxy.FirstN(r => r.IsPutObject, 3, ProxyFault.Status503) };
        using var store = Store(NewPrefix(), proxy);

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures));
        Assert.Equal(3, summary.Retries);
        Assert.Equal(3, proxy.Requests.Count(r => r.Fault == ProxyFault.Status503));
        await source.AssertReplicatedAsync(store);
    }

    [Fact]
    public async Task Run_ConnectionCutMidPartAnd500OnComplete_RetriedAndObjectWhole()
    {
        using var source = new ReplicationSource(smallFiles: 1, largeFileBytes: LargeFile);
        var cutOnce = FaultProxy.FirstN(r => r.IsUploadPart, 1, ProxyFault.CutMidBody);
        var failCompleteOnce = FaultProxy.FirstN(r => r.Method == "POST" && r.Target.Contains("uploadId=", StringComparison.Ordinal), 1, ProxyFault.Status500);
        await using var proxy = new FaultProxy(s3.Port) { Rule = r => cutOnce(r) is var f && f != ProxyFault.None ? f : failCompleteOnce(r) };
        using var store = Store(NewPrefix(), proxy);

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures));
        // Both failed requests were sent again (by our retry policy, or by the HTTP stack for the reset one).
        var part1 = proxy.Requests.Where(r => r.IsUploadPart && r.Target.Contains("partNumber=1&", StringComparison.Ordinal)).ToList();
        Assert.Equal([ProxyFault.CutMidBody, ProxyFault.None], part1.Select(r => r.Fault));
        var completes = proxy.Requests.Where(r => r.Method == "POST" && r.Target.Contains("uploadId=", StringComparison.Ordinal)).ToList();
        Assert.Equal([ProxyFault.Status500, ProxyFault.None], completes.Select(r => r.Fault));
        Assert.InRange(summary.Retries, 1, 2);
        await source.AssertReplicatedAsync(store);
    }

    [Fact]
    public async Task Run_ReadBackCutMidResponse_RetriedAndVerified()
    {
        using var source = new ReplicationSource(smallFiles: 3);
        await using var proxy = new FaultProxy(s3.Port) { Rule = FaultProxy.FirstN(r => r.Method == "GET" && !r.Target.Contains('?', StringComparison.Ordinal), 1, ProxyFault.CutMidResponse) };
        using var store = Store(NewPrefix(), proxy);

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.True(summary.Succeeded, string.Join("\n", summary.Failures));
        Assert.Equal(1, summary.Retries);
        var cut = Assert.Single(proxy.Requests, r => r.Fault == ProxyFault.CutMidResponse);
        Assert.Equal(2, proxy.Requests.Count(r => r.Method == "GET" && r.Target == cut.Target));
        await source.AssertReplicatedAsync(store);
    }

    [Fact]
    public async Task Run_PartsFailEveryTime_FileFailedNothingReportedDoneUploadAbortedThenRerunCompletes()
    {
        using var source = new ReplicationSource(smallFiles: 3, largeFileBytes: LargeFile);
        var prefix = NewPrefix();
        await using var proxy = new FaultProxy(s3.Port) { Rule = r => r.IsUploadPart ? ProxyFault.Status500 : ProxyFault.None };
        var ct = TestContext.Current.CancellationToken;
        ReplicationSummary failed;
        using (var faulty = Store(prefix, proxy))
        {
            failed = await new Replicator(faulty, Options()).RunAsync(source.Root, null, ct);
        }

        var failure = Assert.Single(failed.Failures);
        Assert.Equal("csv-mt5/EURUSD_ticks.csv", failure.Path);
        Assert.Contains("500", failure.Message, StringComparison.Ordinal);
        Assert.Equal(failed.FilesTotal - 1, failed.FilesUploaded);
        using var store = Store(prefix);
        Assert.Null(await store.HeadAsync("csv-mt5/EURUSD_ticks.csv", ct));
        var manifest = ReplicationManifest.Load(failed.ManifestPath, store.Location.ToString());
        Assert.False(manifest.Files.ContainsKey("csv-mt5/EURUSD_ticks.csv"));
        // The abort was sent; s3rver 3.7 answers 405, so the upload stays recorded for the next run.
        var left = Assert.Single(failed.UploadsLeftOnServer);
        Assert.Contains(proxy.Requests, r => r.Method == "DELETE" && r.Target.Contains("uploadId=" + left.UploadId, StringComparison.Ordinal));
        Assert.Equal(left.UploadId, Assert.Single(manifest.PendingUploads).UploadId);

        var rerun = await new Replicator(store, Options()).RunAsync(source.Root, null, ct);

        Assert.True(rerun.Succeeded, string.Join("\n", rerun.Failures));
        Assert.Equal(1, rerun.FilesUploaded);
        Assert.Equal(left.UploadId, Assert.Single(rerun.UploadsLeftOnServer).UploadId); // tried again at start, still 405
        Assert.Equal(rerun.FilesTotal - 1, rerun.FilesSkipped);
        await source.AssertReplicatedAsync(store);
    }

    [Fact]
    public async Task Run_CancelledMidway_RerunUploadsOnlyTheRemainder()
    {
        using var source = new ReplicationSource(smallFiles: 12);
        var prefix = NewPrefix();
        await using var proxy = new FaultProxy(s3.Port);
        using var store = Store(prefix, proxy);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var progress = new InlineProgress<ReplicationProgress>(p =>
        {
            if (p.FilesDone == 4)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new Replicator(store, Options(concurrency: 1)).RunAsync(source.Root, progress, cancel.Token));
        var putsBefore = proxy.Requests.Count(r => r.IsPutObject);
        var rerun = await new Replicator(store, Options(concurrency: 1)).RunAsync(source.Root, null, TestContext.Current.CancellationToken);

        Assert.Equal(4, putsBefore);
        Assert.Equal(4, rerun.FilesSkipped);
        Assert.Equal(rerun.FilesTotal - 4, rerun.FilesUploaded);
        var puts = proxy.Requests.Where(r => r.IsPutObject).Select(r => r.Target).ToList();
        Assert.Equal(rerun.FilesTotal, puts.Distinct().Count());
        Assert.Equal(rerun.FilesTotal, puts.Count);
        await source.AssertReplicatedAsync(store);
    }

    [Fact]
    public async Task Rerun_WriteOnceFileChanged_ReportedWithBothHashes_ManifestFileUploadedAgain()
    {
        using var source = new ReplicationSource(smallFiles: 4);
        using var store = Store(NewPrefix());
        var ct = TestContext.Current.CancellationToken;
        await new Replicator(store, Options()).RunAsync(source.Root, null, ct);
        var changed = Path.Combine(source.Root, "builtin-test", "EURUSD", "2024", "02", "00", "01h_ticks.bi5");
        var original = await store.HeadAsync("builtin-test/EURUSD/2024/02/00/01h_ticks.bi5", ct);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(changed, UnixFileMode.UserRead | UnixFileMode.UserWrite); // the raw zone makes files read-only
        }
        File.WriteAllBytes(changed, ReplicationSource.Bytes(777, 42));
        File.AppendAllText(Path.Combine(source.Root, "builtin-test", RawManifest.FileName), "{}\n");

        var rerun = await new Replicator(store, Options()).RunAsync(source.Root, null, ct);

        var failure = Assert.Single(rerun.Failures);
        Assert.Equal(ReplicationErrorKind.SourceChanged, failure.Kind);
        Assert.Contains("builtin-test/EURUSD/2024/02/00/01h_ticks.bi5", failure.Message, StringComparison.Ordinal);
        Assert.Contains(original!.Sha256!, failure.Message, StringComparison.Ordinal);
        Assert.Equal(1, rerun.FilesUploaded); // the append-only raw manifest
        Assert.Equal(original.Sha256, (await store.HeadAsync("builtin-test/EURUSD/2024/02/00/01h_ticks.bi5", ct))!.Sha256);
    }

    [Fact]
    public async Task Run_DestinationHoldsOtherBytes_ConflictNothingOverwritten()
    {
        using var source = new ReplicationSource(smallFiles: 2);
        using var store = Store(NewPrefix());
        var ct = TestContext.Current.CancellationToken;
        const string key = "builtin-test/EURUSD/2024/02/00/00h_ticks.bi5";
        await store.PutAsync(key, new MemoryStream([9, 9, 9]), null, ct);

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, null, ct);

        var failure = Assert.Single(summary.Failures);
        Assert.Equal(ReplicationErrorKind.DestinationConflict, failure.Kind);
        Assert.Contains(key, failure.Message, StringComparison.Ordinal);
        Assert.Equal(3, (await store.HeadAsync(key, ct))!.Size);
    }

    [Fact]
    public async Task Run_BucketMissing_ClearErrorNamingBucket()
    {
        s3.Require();
        using var source = new ReplicationSource(smallFiles: 1);
        using var store = S3ObjectStore.Create(s3.Options("raw", bucket: "missing-bucket"));

        var e = await Assert.ThrowsAsync<ObjectStoreException>(() => new Replicator(store, Options()).RunAsync(source.Root, null, TestContext.Current.CancellationToken));

        Assert.Equal(ObjectStoreErrorKind.BucketNotFound, e.Kind);
        Assert.Contains("missing-bucket", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ProgressReportsEveryFileAndTheBytes()
    {
        using var source = new ReplicationSource(smallFiles: 5);
        using var store = Store(NewPrefix());
        var reports = new List<ReplicationProgress>();
        var progress = new InlineProgress<ReplicationProgress>(p => { lock (reports) { reports.Add(p); } });

        var summary = await new Replicator(store, Options()).RunAsync(source.Root, progress, TestContext.Current.CancellationToken);

        var last = reports.MaxBy(r => r.FilesDone)!;
        Assert.Equal(summary.FilesTotal, last.FilesDone);
        Assert.Equal(summary.BytesTotal, reports.Max(r => r.BytesDone));
        Assert.Equal(summary.BytesUploaded, reports.Max(r => r.BytesUploaded));
    }
}
